namespace Matchmaking.Domain.Matching;

public enum MemberResponse
{
    Pending,
    Accepted,
    Declined,
}
