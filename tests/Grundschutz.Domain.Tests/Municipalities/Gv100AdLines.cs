using System.Text;

namespace Grundschutz.Domain.Tests.Municipalities;

/// <summary>Builds GV100AD fixed-width records (220 characters, positions 1-based as in the Destatis description).</summary>
internal static class Gv100AdLines
{
    public const string MiniFixture = "gv100ad-mini.txt";

    public static string FixturePath(string fileName) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Municipalities", fileName);

    public static string Land(string code, string name) => Record("10", code, name);

    public static string Kreis(string kreisKey, string name, string textkennzeichen = "44") => Record("40", kreisKey, name, textkennzeichen);

    public static string Gemeinde(string ags, string name, string textkennzeichen = "64", string population = "00000001000", string gebietsstand = "20251130") =>
        Record("60", ags + "0001", name, textkennzeichen, population, gebietsstand);

    /// <summary>A record with the key (from position 11), name (23–72), Textkennzeichen (123–124) and population (140–150).</summary>
    public static string Record(string satzart, string key, string name, string textkennzeichen = "", string population = "", string gebietsstand = "20251130")
    {
        var line = new StringBuilder(new string(' ', 220));
        Put(line, 1, satzart);
        Put(line, 3, gebietsstand);
        Put(line, 11, key);
        Put(line, 23, name);
        Put(line, 123, textkennzeichen);
        Put(line, 140, population);
        return line.ToString();
    }

    public static MemoryStream Stream(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\r\n"))));

    private static void Put(StringBuilder line, int position, string value)
    {
        line.Remove(position - 1, value.Length);
        line.Insert(position - 1, value);
    }
}
