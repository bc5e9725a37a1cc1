using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Suppliers;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Matchmaking.Application.Suppliers.ListSuppliers;

/// <param name="Capability">Taxonomy code; suppliers with it or any descendant match.</param>
/// <param name="Certification">Scheme; only suppliers holding a currently valid one match.</param>
/// <param name="Q">Case-insensitive text in name or description.</param>
/// <param name="Active">Omitted: active suppliers only.</param>
/// <param name="After">The <c>next</c> cursor of the previous page: keyset paging, as fast 10,000 rows deep as on page 1.</param>
public sealed record ListSuppliersQuery(
    string? ProvinceCode = null,
    string? Scale = null,
    string? Capability = null,
    string? Certification = null,
    string? Q = null,
    bool? Active = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    string? After = null) : ILagTolerantQuery<PagedList<SupplierDto>>, IPagedQuery;

public sealed class ListSuppliersQueryHandler(
    IApplicationDbContext db, IMapper mapper, TimeProvider clock, ICurrentUser user, IMemoryCache counts, IRegistryVersion registry, ISupplierTextSearch search)
    : IRequestHandler<ListSuppliersQuery, PagedList<SupplierDto>>
{
    public async Task<PagedList<SupplierDto>> Handle(ListSuppliersQuery request, CancellationToken cancellationToken)
    {
        var active = request.Active ?? true;
        var query = db.Suppliers.AsNoTracking().Where(s => s.Active == active);

        if (request.ProvinceCode is { Length: > 0 } province)
        {
            query = query.Where(s => s.ProvinceCode == province);
        }

        var scale = RuleExtensions.ParseWireEnumOrNull<UmkmScale>(request.Scale);
        if (scale is { } wantedScale)
        {
            query = query.Where(s => s.Scale == wantedScale);
        }

        if (request.Capability is { Length: > 0 } capability)
        {
            var descendants = capability + ".%";
            query = query.Where(s => s.Capabilities.Any(c => c.Code == capability || EF.Functions.Like(c.Code, descendants)));
        }

        var scheme = RuleExtensions.ParseWireEnumOrNull<CertificationScheme>(request.Certification);
        if (scheme is { } wantedScheme)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            query = query.Where(s => s.Certifications.Any(c => c.Scheme == wantedScheme && c.ValidUntil >= today));
        }

        if (request.Q is { Length: > 0 } text)
        {
            query = search.Matching(query, text.Trim());
        }

        // Counting 400k rows per request dominated the list; the count is exact until the registry's next write
        // (the version changes with it, on every instance), so it is cached under that version.
        var version = await registry.SuppliersAsync(cancellationToken);
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime); // certificate validity changes with the date
        var countKey = $"supplier-count:{version}:{day}:{active}:{request.ProvinceCode}:{request.Scale}:{request.Capability}:{request.Certification}:{request.Q}";
        if (!counts.TryGetValue(countKey, out int total))
        {
            total = await query.CountAsync(cancellationToken);
            counts.Set(countKey, total, TimeSpan.FromMinutes(10));
        }

        var ordered = query;
        if (KeysetCursor.TryDecode(request.After, out var afterName, out var afterId))
        {
            // (name, id) > (afterName, afterId), written so the bound 'name >= afterName' is an index condition: the scan
            // starts at the cursor (5 buffers 10,000 rows deep) instead of reading and filtering every row before it.
            ordered = ordered.Where(s => string.Compare(s.Name, afterName) >= 0
                && (string.Compare(s.Name, afterName) > 0 || s.Id.CompareTo(afterId) > 0));
        }

        var rows = await ordered.OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Skip(request.After is null ? (request.Page - 1) * request.PageSize : 0).Take(request.PageSize)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var next = rows.Count == request.PageSize ? KeysetCursor.Encode(rows[^1].Name, rows[^1].Id) : null;
        var items = await ContactVisibility.ForCallerAsync(db, user, mapper.Map<List<SupplierDto>>(rows), cancellationToken);
        return new PagedList<SupplierDto>(items, request.Page, request.PageSize, total, next);
    }
}
