using System.Collections.Concurrent;

namespace ZoomEmulator.Meetings;

/// <summary>Created meetings by id and uuid. Ids are 11-digit numbers starting with 8, beyond <see cref="int.MaxValue"/>.</summary>
internal sealed class MeetingStore
{
    private const long FirstId = 80_000_000_000;
    private const long IdRange = 10_000_000_000;

    private readonly ConcurrentDictionary<long, StoredMeeting> _byId = new();
    private readonly ConcurrentDictionary<string, long> _idByUuid = new(StringComparer.Ordinal);

    public long NewId()
    {
        while (true)
        {
            var id = FirstId + Random.Shared.NextInt64(IdRange);
            if (!_byId.ContainsKey(id))
            {
                return id;
            }
        }
    }

    public bool TryAdd(StoredMeeting meeting)
    {
        if (!_byId.TryAdd(meeting.Id, meeting))
        {
            return false;
        }

        _idByUuid[meeting.Uuid] = meeting.Id;
        return true;
    }

    /// <summary>Finds a meeting by its numeric id or its uuid, as Zoom's Get a meeting accepts both.</summary>
    public StoredMeeting? Find(string meetingId)
    {
        if (long.TryParse(meetingId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return _byId.GetValueOrDefault(id);
        }

        return _idByUuid.TryGetValue(meetingId, out id) ? _byId.GetValueOrDefault(id) : null;
    }

    public StoredMeeting? Find(long id) => _byId.GetValueOrDefault(id);

    public int CountFor(string userKey) => _byId.Values.Count(m => m.Host.Key == userKey);

    public int Count => _byId.Count;

    public IReadOnlyList<long> Ids => _byId.Keys.ToArray();

    public void Reset()
    {
        _byId.Clear();
        _idByUuid.Clear();
    }
}
