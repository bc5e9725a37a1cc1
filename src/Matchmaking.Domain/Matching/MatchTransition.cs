namespace Matchmaking.Domain.Matching;

/// <summary>A recorded step of a match's life: who moved it from which state to which, when, and why.</summary>
public sealed class MatchTransition
{
    private MatchTransition()
    {
    }

    public MatchTransition(Guid id, Guid matchId, MatchStatus from, MatchStatus to, Actor actor, string? note, DateTimeOffset at)
    {
        Id = id;
        MatchId = matchId;
        From = from;
        To = to;
        KeyId = actor.KeyId;
        Role = actor.Role;
        Note = note;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid MatchId { get; private set; }
    public MatchStatus From { get; private set; }
    public MatchStatus To { get; private set; }
    public Guid? KeyId { get; private set; }
    public string? Role { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset At { get; private set; }
}
