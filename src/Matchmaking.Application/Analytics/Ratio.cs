namespace Matchmaking.Application.Analytics;

public static class Ratio
{
    /// <summary>part / whole to four decimals; null when there is no whole to divide by.</summary>
    public static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
