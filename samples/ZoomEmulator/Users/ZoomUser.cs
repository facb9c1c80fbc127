namespace ZoomEmulator.Users;

/// <summary>A host user. <see cref="Key"/> (the lower-case e-mail) identifies the user for limits and counters.</summary>
internal sealed record ZoomUser(string Key, string Email, string HostId);
