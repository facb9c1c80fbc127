using Codegen.Generator.Naming;

namespace Codegen.Generator.Tests.Naming;

/// <summary><see cref="CSharpName.Pascal"/> is exactly its words (<see cref="CSharpName.Words"/>), each cased and joined.</summary>
public sealed class PascalWordsTests
{
    // The definition: first letter upper; the rest lowered only for an all-capitals word longer than two.
    private static string FromWords(string text) => string.Concat(CSharpName.Words(text).Select(word =>
        char.ToUpperInvariant(word[0]) + (word.Length > 2 && !word.Any(char.IsLower) ? word.Substring(1).ToLowerInvariant() : word.Substring(1))));

    [Theory]
    [InlineData("")]
    [InlineData("---")]
    [InlineData("meeting_invitees")]
    [InlineData("HTTPServer2FAToken")]
    [InlineData("H.323")]
    [InlineData("x-rate-limit-REMAINING")]
    [InlineData("userId")]
    [InlineData("ÄrgerÜber ßtraße")]
    [InlineData("a1B2c3D")]
    [InlineData("IDs")]
    public void KnownNamesMatchTheirWords(string text) => Assert.Equal(FromWords(text), CSharpName.Pascal(text));

    [Fact]
    public void RandomTextsMatchTheirWords()
    {
        var random = new Random(20261126);
        const string alphabet = "abcXYZ019_- .ÄöİıΣσ\u00DF/{}";
        for (int n = 0; n < 5000; n++)
        {
            var chars = new char[random.Next(0, 16)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            Assert.Equal(FromWords(text), CSharpName.Pascal(text));
        }
    }
}
