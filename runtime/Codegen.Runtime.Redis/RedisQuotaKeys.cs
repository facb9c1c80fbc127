using Codegen.Runtime.Quotas;
using StackExchange.Redis;

namespace Codegen.Runtime.Redis;

/// <summary>
/// Key names: <c>{prefix}{{hashTag}}:{policy}|{partition}:{day|fixed|rolling|block}</c>, for example
/// <c>codegen:quota:{codegen}:meeting-create-update|alice@example.com:day</c>. The shared hash tag keeps every key of
/// one store on one cluster slot; the window itself lives inside the value, because only the server knows its time.
/// </summary>
internal sealed class RedisQuotaKeys(string prefix, string hashTag)
{
    private readonly string _start = prefix + "{" + hashTag + "}:";

    /// <summary>The pattern that matches every key of this store (for SCAN).</summary>
    public string Pattern => EscapeGlob(_start) + "*";

    public RedisKey Count(QuotaCounter counter) => Base(counter) + counter.Policy.Window switch
    {
        QuotaWindowKind.CalendarDayUtc => ":day",
        QuotaWindowKind.Fixed => ":fixed",
        _ => ":rolling",
    };

    public RedisKey Block(QuotaCounter counter) => Base(counter) + ":block";

    private static string EscapeGlob(string text) =>
        text.Replace("\\", "\\\\").Replace("*", "\\*").Replace("?", "\\?").Replace("[", "\\[").Replace("]", "\\]");

    // '|' separates the policy from the partition; escaping it (and '%') in the policy name keeps names unambiguous.
    private string Base(QuotaCounter counter) =>
        _start + counter.Policy.Name.Replace("%", "%25").Replace("|", "%7C") + "|" + counter.PartitionKey;
}
