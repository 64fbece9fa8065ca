using Grundschutz.Domain.Evidence;

namespace Grundschutz.Domain.Tests.Evidence;

public class PolicyDocumentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly PolicyMetadata Valid =
        new("A.0.1", "Leitlinie", "Erika Muster", "1.0", new DateOnly(2026, 3, 1), "Bürgermeisterin", new DateOnly(2027, 3, 1), null);

    private static PolicyDocument Create(PolicyMetadata metadata) =>
        PolicyDocument.Create(1, metadata, "Leitlinie.pdf", "application/pdf", 10, "sha256:key", "user", Now);

    [Theory]
    [InlineData(1990, 1, 1)]
    [InlineData(2026, 11, 23)]
    public void Create_ApprovedFromTheMinimumUntilToday_IsAccepted(int year, int month, int day)
    {
        var approvedOn = new DateOnly(year, month, day);

        var document = Create(Valid with { ApprovedOn = approvedOn });

        Assert.Equal(approvedOn, document.ApprovedOn);
    }

    [Theory]
    [InlineData(1, 1, 1, "Bitte für „Freigegeben am“ ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.")]
    [InlineData(1989, 12, 31, "Bitte für „Freigegeben am“ ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.")]
    [InlineData(2026, 11, 24, "Das Freigabedatum darf nicht in der Zukunft liegen.")]
    [InlineData(2099, 1, 1, "Das Freigabedatum darf nicht in der Zukunft liegen.")]
    [InlineData(2100, 1, 1, "Bitte für „Freigegeben am“ ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.")]
    public void Create_ApprovedOutOfRangeOrInTheFuture_IsRefused(int year, int month, int day, string message)
    {
        var refusal = Assert.Throws<PolicyRuleException>(() => Create(Valid with { ApprovedOn = new DateOnly(year, month, day), NextReview = null }));

        Assert.Equal(message, refusal.Message);
    }

    [Theory]
    [InlineData(2099, 12, 31, null)]
    [InlineData(2100, 1, 1, "Bitte für „Nächste Überprüfung“ ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.")]
    [InlineData(9999, 12, 31, "Bitte für „Nächste Überprüfung“ ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.")]
    public void Create_NextReview_MustLieInThePlausibleRange(int year, int month, int day, string? message)
    {
        var metadata = Valid with { NextReview = new DateOnly(year, month, day) };

        if (message is null)
        {
            Assert.Equal(metadata.NextReview, Create(metadata).NextReview);
        }
        else
        {
            Assert.Equal(message, Assert.Throws<PolicyRuleException>(() => Create(metadata)).Message);
        }
    }

    /// <summary>The refused number is quoted, but a long input only by its first 40 characters (the page repeated all of it).</summary>
    [Theory]
    [InlineData("B.7", "„B.7“ ist keine Nummer eines A.0-Dokuments (erwartet z. B. A.0.1).")]
    [InlineData("X123456789012345678901234567890123456789-and-much-more", "„X123456789012345678901234567890123456789…“ ist keine Nummer eines A.0-Dokuments (erwartet z. B. A.0.1).")]
    public void Create_UnknownNumber_QuotesAtMost40Characters(string number, string message)
    {
        Assert.Equal(message, Assert.Throws<PolicyRuleException>(() => Create(Valid with { Number = number })).Message);
    }
}
