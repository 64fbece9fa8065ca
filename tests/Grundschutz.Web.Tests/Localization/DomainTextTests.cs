using Grundschutz.Domain.Assessments;
using Grundschutz.Web.Infrastructure;
using Microsoft.Extensions.Localization;

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
}
