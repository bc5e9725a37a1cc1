using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Domain.Access;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Programs.Enrol;

public sealed record EnrolmentInput
{
    /// <summary>Admin only: the supplier to enrol (a supplier key always enrols itself).</summary>
    public Guid? SupplierId { get; init; }
}

/// <summary>Takes a seat. Two enrolments for the last seat: one wins, the other is 409.</summary>
public sealed record EnrolCommand(Guid ProgramId, EnrolmentInput? Body) : IRequest<EnrolmentDto>;

public sealed class EnrolCommandHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<EnrolCommand, EnrolmentDto>
{
    public async Task<EnrolmentDto> Handle(EnrolCommand request, CancellationToken cancellationToken)
    {
        var supplierId = user.Role == Role.Supplier ? user.OrganizationId!.Value
            : request.Body?.SupplierId ?? throw new ValidationException("supplierId", "'supplierId' is required when admin enrols a supplier.");
        var program = await db.Programs.FirstOrDefaultAsync(p => p.Id == request.ProgramId, cancellationToken)
            ?? throw new NotFoundException("Program", request.ProgramId);
        var province = await db.Suppliers.Where(s => s.Id == supplierId && s.Active).Select(s => s.ProvinceCode).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException("supplierId", $"No active supplier with id {supplierId}.");
        var enrolment = program.Enrol(Guid.CreateVersion7(), supplierId, province, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<EnrolmentDto>(new ProgramEnrolment(program, enrolment));
    }
}
