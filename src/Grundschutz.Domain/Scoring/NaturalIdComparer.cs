namespace Grundschutz.Domain.Scoring;

/// <summary>
/// Orders BSI ids naturally: digit runs compare by number, everything else ordinally
/// (<c>SYS.2.1.A2</c> before <c>SYS.2.1.A10</c>, <c>BER.6.2</c> before <c>BER.10.1</c>).
/// </summary>
internal sealed class NaturalIdComparer : IComparer<string>
{
    public static NaturalIdComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var startX = i;
                var startY = j;
                while (startX < x.Length - 1 && x[startX] == '0' && char.IsAsciiDigit(x[startX + 1]))
                {
                    startX++;
                }

                while (startY < y.Length - 1 && y[startY] == '0' && char.IsAsciiDigit(y[startY + 1]))
                {
                    startY++;
                }

                i = startX;
                j = startY;
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }

                var lengthX = i - startX;
                var lengthY = j - startY;
                if (lengthX != lengthY)
                {
                    return lengthX < lengthY ? -1 : 1;
                }

                var digits = string.CompareOrdinal(x, startX, y, startY, lengthX);
                if (digits != 0)
                {
                    return digits;
                }

                continue;
            }

            if (x[i] != y[j])
            {
                return x[i] < y[j] ? -1 : 1;
            }

            i++;
            j++;
        }

        var rest = (x.Length - i).CompareTo(y.Length - j);
        return rest != 0 ? rest : string.CompareOrdinal(x, y);
    }
}
