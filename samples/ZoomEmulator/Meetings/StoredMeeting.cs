using System.Text.Json.Nodes;
using ZoomEmulator.Users;

namespace ZoomEmulator.Meetings;

/// <summary>
/// A created meeting as the emulator keeps it: the answer body without <c>start_url</c> (kept as JSON text, so
/// concurrent readers each get their own copy), and its host.
/// </summary>
internal sealed record StoredMeeting(long Id, string Uuid, ZoomUser Host, string Json)
{
    public JsonObject Body() => (JsonObject)JsonNode.Parse(Json)!;
}
