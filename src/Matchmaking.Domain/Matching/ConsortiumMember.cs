namespace Matchmaking.Domain.Matching;

/// <summary>A consortium member and the share of the quantity it delivers (0..0.7).</summary>
public sealed record ConsortiumMember(Guid SupplierId, string Name, double Share, MemberResponse Response = MemberResponse.Pending);
