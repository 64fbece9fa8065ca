using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Layout;

/// <summary>
/// Pages write German text as it is (umlauts, ß, „“ and – unencoded, which keeps pages smaller and their source
/// readable), while the characters that matter to HTML and everything outside the allowed ranges stay encoded.
/// </summary>
public sealed class PageEncodingTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    [Fact]
    public async Task GermanText_IsWrittenAsItIs()
    {
        var client = factory.CreateBrowserClient();

        var html = await client.GetStringAsync("/Account/Login");

        Assert.Contains("Selbstbewertung nach BSI IT-Grundschutz für Kommunen", html, StringComparison.Ordinal);
        Assert.Contains("Bundesamt für Sicherheit in der Informationstechnik", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#xFC;", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("&#xE4;", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UserText_InAnAttribute_KeepsHtmlCharactersAndForeignScriptsEncoded()
    {
        var client = factory.CreateBrowserClient();
        // The return address lands in the login form's hidden field: quotes, angle brackets and ampersands must stay
        // encoded there; Cyrillic and an emoji are outside the allowed ranges and are encoded as well.
        var returnUrl = "/Prüfung\"><script>alert(1)</script>&x='Ж😀";

        var html = await client.GetStringAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        var field = html[html.IndexOf("name=\"ReturnUrl\"", StringComparison.Ordinal)..];
        field = field[..field.IndexOf('>', StringComparison.Ordinal)];
        Assert.Contains("/Prüfung&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;x=&#x27;&#x416;&#x1F600;", field, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);

        var document = await Html.GetDocumentAsync(client, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(returnUrl, document.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value"));
    }
}
