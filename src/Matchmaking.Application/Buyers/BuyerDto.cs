using AutoMapper;
using Matchmaking.Domain.Buyers;
using Matchmaking.Domain.Common;

namespace Matchmaking.Application.Buyers;

/// <summary>A buyer as the API returns it.</summary>
public sealed record BuyerDto
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public BuyerType Type { get; init; }
    public string? Sector { get; init; }
    public required string ProvinceCode { get; init; }
    /// <summary>Partnerships, completion and days-to-pay record; on GET of one buyer only.</summary>
    public Partnerships.BuyerReputationDto? Reputation { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed class BuyerMappingProfile : Profile
{
    public BuyerMappingProfile()
    {
        CreateMap<Buyer, BuyerDto>().ForMember(d => d.Reputation, o => o.Ignore());
    }
}
