namespace Matchmaking.Domain.Matching;

public enum MatchStatus
{
    Suggested,
    Shortlisted,
    Invited,
    Accepted,
    Declined,
    Withdrawn,
}
