using AutoMapper;
using Matchmaking.Application.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Programs.ListSupplierEnrolments;

/// <summary>A supplier's program history: every enrolment, newest first, with its outcome.</summary>
public sealed record ListSupplierEnrolmentsQuery(Guid SupplierId) : IQuery<IReadOnlyList<EnrolmentDto>>;

public sealed class ListSupplierEnrolmentsQueryHandler(IMapper mapper, IApplicationDbContext db) : IRequestHandler<ListSupplierEnrolmentsQuery, IReadOnlyList<EnrolmentDto>>
{
    public async Task<IReadOnlyList<EnrolmentDto>> Handle(ListSupplierEnrolmentsQuery request, CancellationToken cancellationToken)
    {
        var programs = await db.Programs.AsNoTracking().Where(p => p.Enrolments.Any(e => e.SupplierId == request.SupplierId)).ToListAsync(cancellationToken);
        return programs.SelectMany(p => p.Enrolments.Where(e => e.SupplierId == request.SupplierId).Select(e => mapper.Map<EnrolmentDto>(new ProgramEnrolment(p, e))))
            .OrderByDescending(e => e.EnrolledAt).ToList();
    }
}
