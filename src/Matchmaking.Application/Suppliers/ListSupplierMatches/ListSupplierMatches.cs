using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Application.Matching;
using Matchmaking.Domain.Matching;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Suppliers.ListSupplierMatches;

/// <summary>The invitations a supplier has received (alone or in a consortium), and its answers: invited, accepted, declined.</summary>
public sealed record ListSupplierMatchesQuery(Guid SupplierId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<MatchDto>>, IPagedQuery;

public sealed class ListSupplierMatchesQueryHandler(IApplicationDbContext db) : IRequestHandler<ListSupplierMatchesQuery, PagedList<MatchDto>>
{
    public async Task<PagedList<MatchDto>> Handle(ListSupplierMatchesQuery request, CancellationToken cancellationToken)
    {
        if (!await db.Suppliers.AnyAsync(s => s.Id == request.SupplierId, cancellationToken))
        {
            throw new NotFoundException("Supplier", request.SupplierId);
        }

        var id = request.SupplierId;
        var invitations = db.Matches.AsNoTracking()
            .Where(m => m.Status == MatchStatus.Invited || m.Status == MatchStatus.Accepted || m.Status == MatchStatus.Declined)
            .Where(m => m.SupplierId == id || m.Members.Any(x => x.SupplierId == id));
        var total = await invitations.CountAsync(cancellationToken);
        var page = invitations.OrderByDescending(m => m.Id).Skip((request.Page - 1) * request.PageSize).Take(request.PageSize);
        return new PagedList<MatchDto>(await MatchDtoFactory.ProjectAsync(db, page, cancellationToken), request.Page, request.PageSize, total);
    }
}
