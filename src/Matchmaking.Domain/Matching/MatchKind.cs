namespace Matchmaking.Domain.Matching;

public enum MatchKind
{
    Single,
    Consortium,
}
