using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Application.Matching;

public sealed record MatchRunDto(Guid Id, Guid NeedId, DateTimeOffset CreatedAt, int CandidatesConsidered, int MatchCount);

public sealed record MatchSupplierDto(Guid Id, string Name, UmkmScale Scale, string ProvinceCode);

/// <summary>A consortium member, its share of the quantity, and its answer to the invitation.</summary>
public sealed record MatchMemberDto(Guid SupplierId, string Name, double Share, MemberResponse Response);

public sealed record ComponentsDto(double Capability, double Capacity, double Proximity, double TrackRecord, double LocalContent);

/// <summary>One ranked proposal: <c>supplier</c> for a single match, <c>members</c> (lead first) for a consortium.</summary>
public sealed record MatchDto(
    Guid Id,
    Guid RunId,
    Guid NeedId,
    int Rank,
    MatchKind Kind,
    MatchSupplierDto? Supplier,
    IReadOnlyList<MatchMemberDto>? Members,
    double Score,
    ComponentsDto Components,
    double DistanceKm,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Gaps,
    MatchStatus Status);
