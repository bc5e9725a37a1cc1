using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Reference;
using Matchmaking.Domain.Suppliers;
using MediatR;

namespace Matchmaking.Application.Analytics.Financing;

/// <summary>One group's financing figures; the average rate is that of accepted offers.</summary>
public sealed record FinancingFigures(
    string Dimension, string Key, string? Name, int Requests, int Confirmed, int Disputed, int Offers, int Accepted, int Disbursed,
    long DisbursedAmountIdr, double? AverageAcceptedRatePercent);

/// <summary>
/// Financing through partnerships: requests, buyer confirmations, offers, acceptances and disbursements,
/// in total and by the supplier's province and scale and by the buyer's payment record (median days to pay:
/// within_30, 31_60, 61_90, over_90, no_record); and the share of linked UMKM that obtained financing.
/// </summary>
public sealed record FinancingReport(
    FinancingFigures Total, IReadOnlyList<FinancingFigures> ByProvince, IReadOnlyList<FinancingFigures> ByScale,
    IReadOnlyList<FinancingFigures> ByPaymentBand, int LinkedSuppliers, int FinancedLinkedSuppliers, double? ShareOfLinkedFinanced);

/// <summary>The aggregate SQL behind the report (PostgreSQL's GROUPING SETS and percentile_cont).</summary>
public interface IFinancingAnalytics
{
    Task<(IReadOnlyList<FinancingFigures> Rows, int Linked, int FinancedLinked)> FiguresAsync(CancellationToken cancellationToken);
}

public sealed record GetFinancingReportQuery : ILagTolerantQuery<FinancingReport>;

public sealed class GetFinancingReportQueryHandler(IFinancingAnalytics analytics, ReferenceCatalog catalog) : IRequestHandler<GetFinancingReportQuery, FinancingReport>
{
    public static readonly IReadOnlyList<string> PaymentBands = ["within_30", "31_60", "61_90", "over_90", "no_record"];

    public async Task<FinancingReport> Handle(GetFinancingReportQuery request, CancellationToken cancellationToken)
    {
        var (rows, linked, financed) = await analytics.FiguresAsync(cancellationToken);
        var total = rows.SingleOrDefault(r => r.Dimension == "total") ?? new FinancingFigures("total", string.Empty, null, 0, 0, 0, 0, 0, 0, 0, null);
        return new FinancingReport(
            total,
            rows.Where(r => r.Dimension == "province").OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => r with { Name = catalog.FindProvince(r.Key)?.Name }).ToList(),
            rows.Where(r => r.Dimension == "scale").OrderBy(r => Enum.Parse<UmkmScale>(r.Key))
                .Select(r => r with { Key = RuleExtensions.WireName(r.Key) }).ToList(),
            rows.Where(r => r.Dimension == "paymentBand").OrderBy(r => PaymentBands.ToList().IndexOf(r.Key)).ToList(),
            linked, financed, Ratio.Share(financed, linked));
    }
}
