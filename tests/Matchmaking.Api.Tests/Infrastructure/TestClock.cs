namespace Matchmaking.Api.Tests.Infrastructure;

/// <summary>
/// The server's clock in tests: real time shifted to noon UTC of the day the run started, so a run that
/// crosses midnight still has one "today"; <see cref="Advance"/> moves it on. Timers and timestamps stay
/// real, so background work (dispatch, pollers) keeps its pace.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TestClock()
    {
        var now = System.GetUtcNow();
        var noon = new DateTimeOffset(now.UtcDateTime.Date.AddHours(12), TimeSpan.Zero);
        _offsetTicks = (noon - now).Ticks;
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().UtcDateTime);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
