namespace Matchmaking.Domain.Matching;

/// <summary>
/// A near miss as it stood at a match run: which supplier missed which constraint, and the facility (if any)
/// that could close the gap. Kept with the run so capability-gap analytics aggregate in SQL.
/// </summary>
public sealed class NearMissRecord(
    Guid id, Guid runId, Guid needId, Guid supplierId, string supplierProvinceCode, GapKind gapKind, string? gapSubject, string gapMessage, Guid? facilityId)
{
    public Guid Id { get; private set; } = id;
    public Guid RunId { get; private set; } = runId;
    public Guid NeedId { get; private set; } = needId;
    public Guid SupplierId { get; private set; } = supplierId;
    public string SupplierProvinceCode { get; private set; } = supplierProvinceCode;
    public GapKind GapKind { get; private set; } = gapKind;
    public string? GapSubject { get; private set; } = gapSubject;
    public string GapMessage { get; private set; } = gapMessage;
    public Guid? FacilityId { get; private set; } = facilityId;
}
