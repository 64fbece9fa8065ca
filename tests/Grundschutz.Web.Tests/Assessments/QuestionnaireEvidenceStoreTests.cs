using System.Text;
using Grundschutz.Infrastructure.Files;
using Microsoft.Extensions.Options;
using static Grundschutz.Web.Tests.Assessments.QuestionnaireTestData;

namespace Grundschutz.Web.Tests.Assessments;

/// <summary>The evidence store on its own (no web host): checks, content addressing, atomic writes, safe keys.</summary>
public sealed class QuestionnaireEvidenceStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grundschutz-tests", "store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private EvidenceStore Store(long maxBytes = 1024) =>
        new(Options.Create(new EvidenceOptions { Directory = _directory, MaxFileBytes = maxBytes }), TimeProvider.System);

    private static Func<Stream> Open(byte[] bytes) => () => new MemoryStream(bytes);

    [Fact]
    public async Task SaveAsync_Pdf_StoresUnderItsSha256AndReadsBack()
    {
        var store = Store();
        var content = Pdf("Speicher");

        var stored = await store.SaveAsync("Nachweis.pdf", content.Length, Open(content), CancellationToken.None);

        Assert.Equal("sha256:" + Sha256(content), stored.StorageKey);
        Assert.Equal((Sha256(content), (long)content.Length, "Nachweis.pdf", "application/pdf", false), (stored.Sha256, stored.SizeBytes, stored.FileName, stored.ContentType, stored.AlreadyStored));
        await using var read = store.OpenRead(stored.StorageKey)!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
        Assert.Single(Directory.GetFiles(_directory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task SaveAsync_SameBytesAgain_IsDeduplicated()
    {
        var store = Store();
        var content = Pdf("doppelt");
        await store.SaveAsync("a.pdf", content.Length, Open(content), CancellationToken.None);

        var again = await store.SaveAsync("b.pdf", content.Length, Open(content), CancellationToken.None);

        Assert.True(again.AlreadyStored);
        Assert.Single(Directory.GetFiles(_directory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task SaveAsync_UndeclaredLengthOverTheLimit_IsStoppedWhileReadingAndLeavesNoTempFile()
    {
        var store = Store(maxBytes: 1024);
        var content = Pdf(padTo: 5000);

        var ex = await Assert.ThrowsAsync<EvidenceRejectedException>(() => store.SaveAsync("gross.pdf", null, Open(content), CancellationToken.None));

        Assert.Equal("Die Datei ist zu groß: Erlaubt sind höchstens 1 KB.", ex.Message);
        Assert.Empty(Directory.GetFiles(_directory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task SaveAsync_DeclaredLengthOverTheLimit_IsRefusedWithoutOpeningTheStream()
    {
        var store = Store(maxBytes: 1024);

        var ex = await Assert.ThrowsAsync<EvidenceRejectedException>(() =>
            store.SaveAsync("gross.pdf", 2048, () => throw new InvalidOperationException("must not be opened"), CancellationToken.None));

        Assert.Equal("Die Datei ist zu groß (2 KB): Erlaubt sind höchstens 1 KB.", ex.Message);
    }

    [Fact]
    public async Task SaveAsync_Utf8TextWithAMultiByteCharacterAcrossBufferBoundaries_IsAccepted()
    {
        var store = Store(maxBytes: 1024 * 1024);
        var text = new string('a', 81919) + "ä" + "\nEnde\n";
        var content = Encoding.UTF8.GetBytes(text);

        var stored = await store.SaveAsync("liste.txt", content.Length, Open(content), CancellationToken.None);

        Assert.Equal(content.Length, stored.SizeBytes);
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0xC3 }, "keine gültige UTF-8-Textdatei")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00 }, "Null-Bytes")]
    [InlineData(new byte[] { 0x80, 0x41 }, "keine gültige UTF-8-Textdatei")]
    public async Task SaveAsync_TextThatIsNotUtf8_IsRefused(byte[] content, string expected)
    {
        var ex = await Assert.ThrowsAsync<EvidenceRejectedException>(() => Store().SaveAsync("notiz.txt", content.Length, Open(content), CancellationToken.None));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory) && Directory.GetFiles(_directory, "*", SearchOption.AllDirectories).Length > 0);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\fakepath\\Bericht.pdf", "Bericht.pdf")]
    [InlineData("  ..Bericht:<final>.pdf  ", "Berichtfinal.pdf")]
    [InlineData("a\u0000b\u202Efdp.exe.pdf", "abfdp.exe.pdf")]
    [InlineData("/", null)]
    [InlineData("..", null)]
    public void SanitizeFileName_KeepsOnlyASafeLastSegment(string input, string? expected)
    {
        Assert.Equal(expected, EvidenceStore.SanitizeFileName(input));
    }

    [Theory]
    [InlineData("sha256:../../../etc/passwd")]
    [InlineData("sha256:0E0C80AB2D763212124864BE5637EDC57365287BC060681AD2ED6ED32BC07C68")]
    [InlineData("md5:0e0c80ab2d763212124864be5637edc5")]
    [InlineData("")]
    public void OpenRead_MalformedKey_ReturnsNull(string key)
    {
        Assert.Null(Store().OpenRead(key));
    }

    [Fact]
    public async Task SaveAsync_ZipBasedOfficeFileAndJpeg_AreAccepted()
    {
        var store = Store();
        byte[] docx = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00];
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46];

        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (await store.SaveAsync("a.DOCX", docx.Length, Open(docx), CancellationToken.None)).ContentType);
        Assert.Equal("image/jpeg", (await store.SaveAsync("b.jpeg", jpeg.Length, Open(jpeg), CancellationToken.None)).ContentType);
    }
}
