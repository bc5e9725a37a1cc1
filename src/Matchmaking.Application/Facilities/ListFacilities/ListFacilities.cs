using AutoMapper;
using AutoMapper.QueryableExtensions;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Facilities.ListFacilities;

/// <param name="Capability">Facilities offering this code or a descendant of it.</param>
/// <param name="Certification">Facilities offering this certification scheme.</param>
public sealed record ListFacilitiesQuery(
    string? ProvinceCode = null,
    string? Capability = null,
    string? Certification = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<FacilityDto>>, IPagedQuery;

public sealed class ListFacilitiesQueryHandler(IApplicationDbContext db, IMapper mapper)
    : IRequestHandler<ListFacilitiesQuery, PagedList<FacilityDto>>
{
    public async Task<PagedList<FacilityDto>> Handle(ListFacilitiesQuery request, CancellationToken cancellationToken)
    {
        var query = db.Facilities.AsNoTracking();
        if (request.ProvinceCode is { Length: > 0 } province)
        {
            query = query.Where(f => f.ProvinceCode == province);
        }

        if (request.Capability is { Length: > 0 } capability)
        {
            var descendants = capability + ".%";
            query = query.Where(f => f.CapabilityCodes.Any(c => c == capability || EF.Functions.Like(c, descendants)));
        }

        var scheme = RuleExtensions.ParseWireEnumOrNull<CertificationScheme>(request.Certification);
        if (scheme is { } wantedScheme)
        {
            query = query.Where(f => f.CertificationSchemes.Contains(wantedScheme));
        }

        return await query.OrderBy(f => f.Name).ThenBy(f => f.Id)
            .ProjectTo<FacilityDto>(mapper.ConfigurationProvider)
            .ToPageAsync(request, cancellationToken);
    }
}
