using Matchmaking.Application.Common;
using Matchmaking.Domain.Common;
using MediatR;

namespace Matchmaking.Application.Reference.ListCertificationSchemes;

public sealed record CertificationSchemeDto(CertificationScheme Code, string Name, string Description);

public sealed record ListCertificationSchemesQuery : IQuery<IReadOnlyList<CertificationSchemeDto>>;

public sealed class ListCertificationSchemesQueryHandler
    : IRequestHandler<ListCertificationSchemesQuery, IReadOnlyList<CertificationSchemeDto>>
{
    private static readonly IReadOnlyList<CertificationSchemeDto> Schemes =
    [
        new(CertificationScheme.Sni, "SNI", "Standar Nasional Indonesia product certificate (SPPT-SNI) from an accredited LSPro."),
        new(CertificationScheme.Iso9001, "ISO 9001", "Quality management system; often the prerequisite for BUMN vendors."),
        new(CertificationScheme.Iso14001, "ISO 14001", "Environmental management system."),
        new(CertificationScheme.Iso45001, "ISO 45001", "Occupational health and safety management system."),
        new(CertificationScheme.Halal, "Halal", "Halal certificate (BPJPH); rarely relevant for metal parts."),
        new(CertificationScheme.Tkdn, "TKDN", "Local content certificate (Kemenperin); valid 5 years."),
        new(CertificationScheme.Spln, "SPLN", "PLN's own product standards."),
        new(CertificationScheme.Other, "Other", "Any other certificate; named by its number and issuer."),
    ];

    public Task<IReadOnlyList<CertificationSchemeDto>> Handle(ListCertificationSchemesQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(Schemes);
}
