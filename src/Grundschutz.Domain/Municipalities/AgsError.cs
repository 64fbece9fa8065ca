namespace Grundschutz.Domain.Municipalities;

/// <summary>Why a text is not a valid <see cref="Ags"/>; the UI maps each value to a translated message.</summary>
public enum AgsError
{
    /// <summary>The text is a valid AGS.</summary>
    None,

    /// <summary>Not exactly eight ASCII digits (after trimming surrounding white space).</summary>
    NotEightDigits,

    /// <summary>Eight digits, but the first two are not a Land code 01–16.</summary>
    UnknownLand,
}
