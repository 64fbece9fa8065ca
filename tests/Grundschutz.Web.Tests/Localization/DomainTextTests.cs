using System.Globalization;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Dates;
using Grundschutz.Domain.Evidence;
using Grundschutz.Domain.Texts;
using Grundschutz.Infrastructure.Files;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Tests.Localization;

public sealed class DomainTextTests
{
    /// <summary>An English localizer with a few entries; unknown keys come back unchanged, like the real one.</summary>
    private sealed class English : IStringLocalizer
    {
        private static readonly Dictionary<string, string> Entries = new(StringComparer.Ordinal)
        {
            ["Ein Zielobjekt „{0}“ gibt es bereits."] = "A target object “{0}” already exists.",
            ["Die Bewertung ist im Zustand „{0}“ schreibgeschützt."] = "The assessment is read-only in state “{0}”.",
            ["Entwurf"] = "Draft",
        };

        public LocalizedString this[string name] =>
            Entries.TryGetValue(name, out var value) ? new(name, value) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, this[name].Value, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    [Fact]
    public void Refusal_TermsAreTranslated_NamesUsersTypedAreNot()
    {
        var t = new English();

        // A target object the user named „Entwurf“ – the word is also a state's resource key.
        var duplicate = AssessmentRuleException.Of("Ein Zielobjekt „{0}“ gibt es bereits.", "Entwurf");
        Assert.Equal("Ein Zielobjekt „Entwurf“ gibt es bereits.", duplicate.Message);
        Assert.Equal("A target object “Entwurf” already exists.", DomainText.Of(t, duplicate));

        var readOnly = AssessmentRuleException.Of("Die Bewertung ist im Zustand „{0}“ schreibgeschützt.", new Term("Entwurf"));
        Assert.Equal("Die Bewertung ist im Zustand „Entwurf“ schreibgeschützt.", readOnly.Message);
        Assert.Equal("The assessment is read-only in state “Draft”.", DomainText.Of(t, readOnly));

        // Without an entry the German message stays.
        var unknown = new AssessmentRuleException("Etwas ganz anderes.");
        Assert.Equal("Etwas ganz anderes.", DomainText.Of(t, unknown));
    }

    /// <summary>The application's localizer with the real resource file, looking up in <paramref name="culture"/>.</summary>
    private static string InCulture(string culture, Func<IStringLocalizer, string> translate)
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var t = factory.Create(typeof(SharedResource));
        var (culture0, uiCulture0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return translate(t);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture0, uiCulture0);
        }
    }

    [Fact]
    public void ImportRefusal_IsTranslatedPartByPart_FileNameAndThirdPartyTextAsTheyAre()
    {
        var json = new CatalogImportException(
            "kaputt.json", MessageText.Of("Die Datei ist kein gültiges JSON."), MessageText.Of("Zeile {0}, Position {1}", 4L, 28L), null);
        var unreadable = new CatalogImportException(
            "Zeile.xml", MessageText.Of("Die Datei kann nicht gelesen werden: {0}", "Access to the path is denied."), null, null);
        var tooLarge = new CatalogImportException(
            "gross.json", MessageText.Of("Die Datei ist größer als das Limit von {0}.", CatalogImportService.SizeText(1536 * 1024)), null, null);

        Assert.Equal("kaputt.json (Zeile 4, Position 28): Die Datei ist kein gültiges JSON.", json.Message);
        Assert.Equal("kaputt.json (Zeile 4, Position 28): Die Datei ist kein gültiges JSON.", InCulture("de-DE", t => DomainText.Of(t, json)));
        Assert.Equal("kaputt.json (line 4, position 28): The file is not valid JSON.", InCulture("en", t => DomainText.Of(t, json)));
        Assert.Equal("Zeile.xml: The file cannot be read: Access to the path is denied.", InCulture("en", t => DomainText.Of(t, unreadable)));
        Assert.Equal("gross.json: Die Datei ist größer als das Limit von 1,5 MB.", tooLarge.Message);
        Assert.Equal("gross.json: The file is larger than the limit of 1,5 MB.", InCulture("en", t => DomainText.Of(t, tooLarge)));
    }

    [Fact]
    public void ImportRefusal_WithTermAndNestedRefusal_TranslatesBoth()
    {
        var refusal = AssessmentRuleException.Of("Die Bewertung ist im Zustand „{0}“ schreibgeschützt.", new Term("Genehmigt"));
        var finding = MessageText.Of("Befund „{0}“: {1}", "Entwurf", refusal);

        Assert.Equal("Befund „Entwurf“: Die Bewertung ist im Zustand „Genehmigt“ schreibgeschützt.", finding.ToString());
        Assert.Equal("Finding “Entwurf”: The assessment is read-only in state “Approved”.", InCulture("en", t => DomainText.Of(t, finding)));
    }

    [Fact]
    public async Task EvidenceRefusal_SizesAreTranslated_TheGermanMessageIsUnchanged()
    {
        var store = new EvidenceStore(
            Options.Create(new EvidenceOptions { Directory = Path.Combine(Path.GetTempPath(), "grundschutz-tests", "never-" + Guid.NewGuid().ToString("N")), MaxFileBytes = 1000 }),
            TimeProvider.System);

        // Refused from the declared length, before the content is opened or the folder created.
        var refusal = await Assert.ThrowsAsync<EvidenceRejectedException>(() =>
            store.SaveAsync("gross.pdf", 1536, () => throw new InvalidOperationException("must not be opened"), CancellationToken.None));

        Assert.Equal("Die Datei ist zu groß (1,5 KB): Erlaubt sind höchstens 1.000 Bytes.", refusal.Message);
        Assert.Equal(refusal.Message, InCulture("de-DE", t => DomainText.Of(t, refusal)));
        Assert.Equal("The file is too large (1,5 KB): at most 1.000 bytes is allowed.", InCulture("en", t => DomainText.Of(t, refusal)));
        Assert.Equal("1.000 Bytes", EvidenceStore.FormatSize(1000));
    }

    [Fact]
    public void PolicyRule_FieldNamesAreTranslated_WhatTheUserTypedIsNot()
    {
        PolicyRuleException Refusal(PolicyMetadata metadata) =>
            Assert.Throws<PolicyRuleException>(() => PolicyDocument.Create(1, metadata, "Leitlinie.pdf", "application/pdf", 10, "sha256:key", "user", DateTimeOffset.UnixEpoch));
        var valid = new PolicyMetadata("A.0.1", "Leitlinie", "Erika Muster", "1.0", new DateOnly(2026, 3, 1), "Bürgermeisterin", null, null);

        var noTitle = Refusal(valid with { Title = " " });
        var longAuthor = Refusal(valid with { Author = new string('x', PolicyDocument.MaxTextLength + 1) });
        var number = Refusal(valid with { Number = "Titel" });

        Assert.Equal("Bitte „Titel“ angeben.", noTitle.Message);
        Assert.Equal("Please enter “Title”.", InCulture("en", t => DomainText.Of(t, noTitle)));
        Assert.Equal("„Autor/in“ darf höchstens 200 Zeichen lang sein.", longAuthor.Message);
        Assert.Equal("“Author” may be at most 200 characters long.", InCulture("en", t => DomainText.Of(t, longAuthor)));
        Assert.Equal("“Titel” is not the number of an A.0 document (expected e.g. A.0.1).", InCulture("en", t => DomainText.Of(t, number)));
    }

    [Fact]
    public void DateOutOfRange_FieldIsTranslated_TheRangeIsShownTheGermanWayInBothLanguages()
    {
        var atField = PlausibleDates.OutOfRange();
        var named = PlausibleDates.OutOfRange(new Term("Umsetzung bis"));
        var future = Assert.Throws<PolicyRuleException>(() => PolicyDocument.Create(
            1, new PolicyMetadata("A.0.1", "Leitlinie", "Erika Muster", "1.0", new DateOnly(2026, 3, 2), "Bürgermeisterin", null, null),
            "Leitlinie.pdf", "application/pdf", 10, "sha256:key", "user", new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero)));

        Assert.Equal("Bitte ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.", atField.ToString());
        Assert.Equal("Please enter a date between 01.01.1990 and 31.12.2099.", InCulture("en", t => DomainText.Of(t, atField)));
        Assert.Equal("Bitte für „Umsetzung bis“ ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.", InCulture("de-DE", t => DomainText.Of(t, named)));
        Assert.Equal("Please enter a date between 01.01.1990 and 31.12.2099 for “Implement by”.", InCulture("en", t => DomainText.Of(t, named)));
        Assert.Equal("The approval date must not lie in the future.", InCulture("en", t => DomainText.Of(t, future)));
    }
}
