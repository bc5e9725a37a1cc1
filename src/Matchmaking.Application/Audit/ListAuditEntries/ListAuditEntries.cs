using FluentValidation;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Audit.ListAuditEntries;

/// <summary>An audit entry; <c>relatedIds</c> lists what an import batch stored.</summary>
public sealed record AuditEntryDto(Guid Id, Guid? KeyId, string? Role, string Entity, Guid EntityId, string Action, DateTimeOffset At, IReadOnlyList<Guid> RelatedIds);

/// <param name="Entity">Entity name, e.g. "supplier", "buyer", "apiKey".</param>
public sealed record ListAuditEntriesQuery(string? Entity = null, Guid? EntityId = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<AuditEntryDto>>, IPagedQuery;

public sealed class ListAuditEntriesQueryHandler(IApplicationDbContext db) : IRequestHandler<ListAuditEntriesQuery, PagedList<AuditEntryDto>>
{
    public Task<PagedList<AuditEntryDto>> Handle(ListAuditEntriesQuery request, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (request.Entity is { Length: > 0 } entity)
        {
            query = query.Where(a => a.Entity == entity);
        }

        if (request.EntityId is { } entityId)
        {
            query = query.Where(a => a.EntityId == entityId || a.RelatedIds.Contains(entityId));
        }

        return query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new AuditEntryDto(a.Id, a.KeyId, a.Role, a.Entity, a.EntityId, a.Action, a.At, a.RelatedIds))
            .ToPageAsync(request, cancellationToken);
    }
}
