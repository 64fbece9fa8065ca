using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Model binding's messages (a date or number that cannot be read, a missing value) in the page's language. ASP.NET's
/// defaults are English and name the C# property („The value 'x' is not valid for ApprovedOn.“); the error summary
/// links each message to its field, so the messages need no field name. The localizer is asked when a message is
/// needed, so the request's culture applies.
/// </summary>
public sealed class LocalizedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var t = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => t["Der Wert „{0}“ ist ungültig.", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["Der Wert „{0}“ ist ungültig.", value]);
        messages.SetValueIsInvalidAccessor(value => t["Der Wert „{0}“ ist ungültig.", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => t["Der angegebene Wert ist ungültig."]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Der angegebene Wert ist ungültig."]);
        messages.SetValueMustBeANumberAccessor(_ => t["Bitte eine Zahl angeben."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Bitte eine Zahl angeben."]);
        messages.SetMissingBindRequiredValueAccessor(_ => t["Bitte einen Wert angeben."]);
        messages.SetMissingKeyOrValueAccessor(() => t["Bitte einen Wert angeben."]);
        messages.SetValueMustNotBeNullAccessor(_ => t["Bitte einen Wert angeben."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => t["Die Anfrage enthielt keine Daten."]);
    }
}
