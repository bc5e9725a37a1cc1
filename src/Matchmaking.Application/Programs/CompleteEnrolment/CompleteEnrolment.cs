using AutoMapper;
using FluentValidation;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Programs;
using Matchmaking.Domain.Suppliers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Programs.CompleteEnrolment;

public sealed record OutcomeInput
{
    /// <summary>none, certificate_granted, capability_verified or local_content_raised.</summary>
    public OutcomeKind? Kind { get; init; }

    /// <summary>certificate_granted: the scheme, number and expiry.</summary>
    public CertificationScheme? Scheme { get; init; }

    public string? CertificateNumber { get; init; }
    public DateOnly? ValidUntil { get; init; }

    /// <summary>capability_verified: the code, monthly capacity and unit.</summary>
    public string? CapabilityCode { get; init; }

    public decimal? MonthlyCapacity { get; init; }
    public string? Unit { get; init; }

    /// <summary>local_content_raised: the new TKDN percentage.</summary>
    public decimal? TkdnPercent { get; init; }
}

/// <summary>The operator records completion; the outcome changes the supplier's profile in the same transaction (both audited).</summary>
public sealed record CompleteEnrolmentCommand(Guid ProgramId, Guid EnrolmentId, OutcomeInput Body) : IRequest<EnrolmentDto>;

public sealed class CompleteEnrolmentCommandHandler(IMapper mapper, IApplicationDbContext db, TimeProvider clock) : IRequestHandler<CompleteEnrolmentCommand, EnrolmentDto>
{
    public async Task<EnrolmentDto> Handle(CompleteEnrolmentCommand request, CancellationToken cancellationToken)
    {
        var program = await db.Programs.FirstOrDefaultAsync(p => p.Id == request.ProgramId, cancellationToken)
            ?? throw new NotFoundException("Program", request.ProgramId);
        if (program.Enrolments.All(e => e.Id != request.EnrolmentId))
        {
            throw new NotFoundException("Enrolment", request.EnrolmentId);
        }

        var b = request.Body;
        var now = clock.GetUtcNow();
        var outcome = new ProgramOutcome(b.Kind!.Value, b.Scheme, b.CertificateNumber?.Trim(), b.ValidUntil, b.CapabilityCode, b.MonthlyCapacity, b.Unit?.Trim(), b.TkdnPercent);
        var enrolment = program.Complete(request.EnrolmentId, outcome, now);
        var supplier = await db.Suppliers.FirstAsync(s => s.Id == enrolment.SupplierId, cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.CertificateGranted:
                supplier.GrantCertification(new Certification(outcome.Scheme!.Value, outcome.CertificateNumber, program.Operator,
                    DateOnly.FromDateTime(now.UtcDateTime), outcome.ValidUntil!.Value));
                break;
            case OutcomeKind.CapabilityVerified:
                supplier.VerifyCapability(new SupplierCapability(outcome.CapabilityCode!, outcome.MonthlyCapacity, outcome.Unit, $"Verified by {program.Name}"));
                break;
            case OutcomeKind.LocalContentRaised:
                supplier.RaiseLocalContent(outcome.TkdnPercent!.Value);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<EnrolmentDto>(new ProgramEnrolment(program, enrolment));
    }
}

public sealed class CompleteEnrolmentCommandValidator : AbstractValidator<CompleteEnrolmentCommand>
{
    public CompleteEnrolmentCommandValidator(Domain.Reference.ReferenceCatalog catalog)
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.");
        When(c => c.Body is not null, () =>
        {
            RuleFor(c => c.Body.Kind).NotNull().IsInEnum().OverridePropertyName("kind").WithMessage("'kind' is required.");
            When(c => c.Body.Kind == OutcomeKind.CertificateGranted, () =>
            {
                RuleFor(c => c.Body.Scheme).NotNull().IsInEnum().OverridePropertyName("scheme").WithMessage("'scheme' is required for a granted certificate.");
                RuleFor(c => c.Body.ValidUntil).NotNull().OverridePropertyName("validUntil").WithMessage("'validUntil' is required for a granted certificate.")
                    .Must(d => d <= Common.Validation.RuleExtensions.LatestValidUntil).WithMessage("'validUntil' is too far ahead.");
                RuleFor(c => c.Body.CertificateNumber).MaximumLength(100).OverridePropertyName("certificateNumber");
            });
            When(c => c.Body.Kind == OutcomeKind.CapabilityVerified, () =>
            {
                RuleFor(c => c.Body.CapabilityCode).NotNull().Must(catalog.IsCapability)
                    .OverridePropertyName("capabilityCode").WithMessage("'capabilityCode' must be a code of the taxonomy.");
                RuleFor(c => c.Body.MonthlyCapacity).GreaterThanOrEqualTo(0).LessThan(1_000_000_000m).OverridePropertyName("monthlyCapacity");
                RuleFor(c => c.Body.Unit).MaximumLength(20).OverridePropertyName("unit");
            });
            When(c => c.Body.Kind == OutcomeKind.LocalContentRaised, () =>
                RuleFor(c => c.Body.TkdnPercent).NotNull().InclusiveBetween(0, 100).OverridePropertyName("tkdnPercent").WithMessage("'tkdnPercent' is 0..100."));
        });
    }
}
