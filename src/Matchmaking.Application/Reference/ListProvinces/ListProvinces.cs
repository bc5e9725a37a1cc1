using Matchmaking.Application.Common;
using Matchmaking.Domain.Reference;
using MediatR;

namespace Matchmaking.Application.Reference.ListProvinces;

/// <summary>A province with its BPS code and the capital's coordinates (the default location).</summary>
public sealed record ProvinceDto(string Code, string Name, string Capital, double Latitude, double Longitude);

public sealed record ListProvincesQuery : IQuery<IReadOnlyList<ProvinceDto>>;

public sealed class ListProvincesQueryHandler(ReferenceCatalog catalog) : IRequestHandler<ListProvincesQuery, IReadOnlyList<ProvinceDto>>
{
    public Task<IReadOnlyList<ProvinceDto>> Handle(ListProvincesQuery request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ProvinceDto>>(catalog.Provinces
            .OrderBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => new ProvinceDto(p.Code, p.Name, p.Capital, p.Latitude, p.Longitude))
            .ToList());
}
