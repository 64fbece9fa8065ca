using System.Globalization;
using Grundschutz.Domain.Dates;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// The <c>min</c> and <c>max</c> of the date inputs: the browser's date picker offers only the dates the app accepts
/// (<see cref="PlausibleDates"/>); the server checks them again.
/// </summary>
public static class DateBounds
{
    public static string Min { get; } = PlausibleDates.Min.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Max { get; } = PlausibleDates.Max.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
