using Matchmaking.Application.Matching;
using Matchmaking.Domain.Access;
using Matchmaking.Domain.Buyers;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Facilities;
using Matchmaking.Domain.Financing;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Partnerships;
using Matchmaking.Domain.Programs;
using Matchmaking.Domain.Suppliers;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Matchmaking.Infrastructure.Demo;

/// <summary>
/// Loads the demo data set: PT PLN and other BUMN/large buyers, UMKM suppliers in real metalworking
/// clusters, and factory-sharing facilities. Deterministic (fixed seed and ids), loaded by the run
/// command only (<c>Demo:Seed</c>), never by tests, and only into a database that holds no suppliers.
/// </summary>
public sealed class DemoDataSeeder(ApplicationDbContext db, TimeProvider clock, IConfiguration configuration, ILogger<DemoDataSeeder> logger)
{
    public static readonly Guid PlnId = Guid.Parse("0192f000-0000-7000-8000-000000000001");

    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Suppliers.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Demo data skipped: the database already holds suppliers");
            return false;
        }

        var now = clock.GetUtcNow();
        db.Buyers.AddRange(DemoCatalog.Buyers.Select(b => new Buyer(b.Id, b.Profile, now)));
        db.Facilities.AddRange(DemoCatalog.Facilities.Select(f => new Facility(f.Id, f.Profile, now)));
        var suppliers = DemoCatalog.Suppliers(DateOnly.FromDateTime(now.UtcDateTime)).Select(s => new Supplier(s.Id, s.Profile, now)).ToList();
        db.Suppliers.AddRange(suppliers);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var needs = DemoCatalog.Needs(today).Select(n => new Need(n.Id, PlnId, n.Profile, now)).ToList();
        db.Needs.AddRange(needs);
        var bankJateng = new Financier(Guid.Parse("0192f000-0000-7000-8000-0000000000f1"), "PT BPD Jawa Tengah (Bank Jateng)", FinancierType.Bank, now);
        var plnFund = new Financier(Guid.Parse("0192f000-0000-7000-8000-0000000000f2"), "PLN partnership and community development fund",
            FinancierType.PartnershipFund, now);
        db.Financiers.AddRange(bankJateng, plnFund);
        FinancedPartnership(needs[0], suppliers, bankJateng, plnFund, today, now);
        db.Programs.AddRange(
            new CapabilityProgram(Guid.Parse("0192f000-0000-7000-8000-0000000000a1"), "SNI certification clinic for Ceper foundries",
                "Dinas Perindustrian dan Perdagangan Provinsi Jawa Tengah", ProgramKind.CertificationSupport, [], [CertificationScheme.Sni], false, ["33"],
                today, today.AddMonths(4), 25, now),
            new CapabilityProgram(Guid.Parse("0192f000-0000-7000-8000-0000000000a2"), "CNC machining and reverse engineering, Politeknik Manufaktur Ceper",
                "Kementerian Perindustrian (Direktorat IKM Logam)", ProgramKind.Training, ["metal.machining.cnc"], [], false, ["33"],
                today.AddDays(14), today.AddMonths(3), 16, now));
        var keys = new[]
        {
            ApiKey.Issue(Guid.CreateVersion7(), "Demo: PLN procurement system", Role.Buyer, PlnId, now),
            ApiKey.Issue(Guid.CreateVersion7(), $"Demo: {suppliers[0].Name}", Role.Supplier, suppliers[0].Id, now),
            ApiKey.Issue(Guid.CreateVersion7(), "Demo: program analyst", Role.Analyst, null, now),
            ApiKey.Issue(Guid.CreateVersion7(), "Demo: Bank Jateng", Role.Financier, bankJateng.Id, now),
        };
        db.ApiKeys.AddRange(keys.Select(k => k.Key));
        await db.SaveChangesAsync(cancellationToken);
        await WriteKeysAsync(keys, suppliers[0].Name, cancellationToken);
        logger.LogInformation("Demo data loaded: {Buyers} buyers, {Suppliers} suppliers, {Facilities} facilities, 2 financiers, a financed PLN partnership and 2 capability programs",
            DemoCatalog.Buyers.Count, suppliers.Count, DemoCatalog.Facilities.Count);
        return true;
    }

    /// <summary>
    /// A PLN partnership as the API would have made it (the best supplier meeting every hard constraint of the
    /// pole-band need, shortlisted, invited and accepting), financed by the PLN fund against Bank Jateng's offer.
    /// </summary>
    private void FinancedPartnership(Need need, List<Supplier> suppliers, Financier bank, Financier fund, DateOnly today, DateTimeOffset now)
    {
        var best = suppliers
            .Select(s => MatchScorer.Score(need, s, today, TrackRecordFigures.None))
            .Where(s => HardConstraints.Evaluate(need, s.Supplier, s.DistanceKm, today).Count == 0)
            .OrderByDescending(s => s.Score).First();
        var actor = new Actor(null, "admin");
        var run = new MatchRun(Guid.CreateVersion7(), need.Id, now, 1, 1);
        var match = new Match(Guid.CreateVersion7(), run.Id, need.Id, 1, MatchKind.Single, best.Supplier.Id, [], best.Score, best.Components,
            Math.Round(best.DistanceKm, 1), best.Reasons);
        db.MatchRuns.Add(run);
        db.Matches.Add(match);
        db.MatchTransitions.AddRange(match.Shortlist(actor, "Demo", now), match.Invite(actor, null, now), match.Accept(best.Supplier.Id, actor, null, now)!);
        var partnership = Partnership.FromAcceptedMatch(match, need, now);
        db.Partnerships.Add(partnership);
        var financing = FinancingRequest.Open(Guid.CreateVersion7(), partnership, best.Supplier.Id, 1_000_000_000, FinancingPurpose.PurchaseOrder, 120, [],
            FinancingRequest.DefaultMaxShare, actor, now);
        financing.Confirm(need.EstimatedValueIdr!.Value, today.AddMonths(9), actor, now);
        financing.MakeOffer(Guid.CreateVersion7(), bank.Id, 1_000_000_000, 11.0, 5_000_000, 120, actor, now);
        var fromFund = financing.MakeOffer(Guid.CreateVersion7(), fund.Id, 1_000_000_000, 6.0, 0, 120, actor, now);
        financing.AcceptOffer(fromFund.Id, actor, now);
        financing.Disburse(fund.Id, today, actor, now);
        db.FinancingRequests.Add(financing);
    }

    /// <summary>Secrets exist only at creation: the run script prints this file (outside git) once loaded.</summary>
    private async Task WriteKeysAsync((ApiKey Key, string Secret)[] keys, string supplierName, CancellationToken cancellationToken)
    {
        if (configuration["Demo:KeysFile"] is not { Length: > 0 } path)
        {
            return;
        }

        var lines = new[]
        {
            $"  Buyer key (PT PLN)   {keys[0].Secret}",
            $"  Supplier key         {keys[1].Secret}   ({supplierName})",
            $"  Analyst key          {keys[2].Secret}",
            $"  Financier key        {keys[3].Secret}   (Bank Jateng)",
        };
        await File.WriteAllLinesAsync(path, lines, cancellationToken);
    }
}

internal static class DemoCatalog
{
    public static readonly IReadOnlyList<(Guid Id, BuyerProfile Profile)> Buyers =
    [
        (DemoDataSeeder.PlnId, new BuyerProfile("PT PLN (Persero)", BuyerType.Bumn, "electricity", "31")),
        (Id(2), new BuyerProfile("PT Kereta Api Indonesia (Persero)", BuyerType.Bumn, "rail transport", "32")),
        (Id(3), new BuyerProfile("PT INKA (Persero)", BuyerType.Bumn, "rolling stock", "35")),
        (Id(4), new BuyerProfile("PT Pindad", BuyerType.Bumn, "defence and industrial machinery", "32")),
        (Id(5), new BuyerProfile("PT Pertamina (Persero)", BuyerType.Bumn, "energy", "31")),
        (Id(6), new BuyerProfile("PT Astra Otoparts Tbk", BuyerType.LargePrivate, "automotive components", "31")),
        (Id(7), new BuyerProfile("PT Jateng Agro Berdikari", BuyerType.Bumd, "agro-industry", "33")),
    ];

    public static readonly IReadOnlyList<(Guid Id, FacilityProfile Profile)> Facilities =
    [
        (Id(101), new FacilityProfile("Rumah Produksi Bersama Logam Ceper", "Koperasi Batur Jaya", "33",
            new GeoPoint(-7.6652, 110.6800), ["metal.casting.iron", "metal.machining.cnc"], [CertificationScheme.Sni, CertificationScheme.Iso9001], 20000)),
        (Id(102), new FacilityProfile("UPT Logam Tegal (LIK Takaru)", "Pemerintah Kabupaten Tegal", "33",
            new GeoPoint(-6.9790, 109.1450), ["metal.machining.cnc", "metal.fabrication.welding", "metal.surface.painting"], [CertificationScheme.Iso9001], 8000)),
        (Id(103), new FacilityProfile("Sentra Galvanis Waru Sidoarjo", "Koperasi Industri Logam Waru", "35",
            new GeoPoint(-7.3560, 112.7300), ["metal.surface.galvanizing", "metal.surface.plating"], [CertificationScheme.Sni], 50000)),
        (Id(104), new FacilityProfile("Factory Sharing Elektrikal Bandung", "KemenKopUKM / Bandung Techno Park", "32",
            new GeoPoint(-6.9730, 107.6300), ["electrical.enclosures", "electrical.switchgear", "metal.fabrication.sheet"], [CertificationScheme.Spln, CertificationScheme.Iso9001], 3000)),
    ];

    public static IEnumerable<(Guid Id, NeedProfile Profile)> Needs(DateOnly today) =>
    [
        (Id(201), new NeedProfile(
            "Cast iron pole bands and clamps", "Grey iron castings for 20 kV distribution poles, UID Jawa Tengah",
            ["metal.casting"], 20000, "pcs", today.AddMonths(8), "33", new GeoPoint(-6.9932, 110.4203), 1_800_000_000,
            [CertificationScheme.Sni], 40, 300, UmkOnly: true, AllowConsortium: true, ScoringWeights.Default)),
        (Id(202), new NeedProfile(
            "Galvanised cross-arm brackets", "Hot-dip galvanised steel brackets, UID Jawa Timur",
            ["metal.fabrication", "metal.surface.galvanizing"], 12000, "pcs", today.AddMonths(5), "35", new GeoPoint(-7.2575, 112.7521), 2_400_000_000,
            [], 25, null, UmkOnly: false, AllowConsortium: true, ScoringWeights.Default)),
        (Id(203), new NeedProfile(
            "Reverse-engineered turbine spare parts", "Machined parts for PLTU maintenance (Pusharlis)",
            ["metal.machining.cnc"], 400, "pcs", today.AddMonths(4), "33", new GeoPoint(-6.8694, 109.1402), 900_000_000,
            [CertificationScheme.Iso9001], null, 250, UmkOnly: false, AllowConsortium: false, ScoringWeights.Default)),
    ];

    private sealed record Cluster(
        string Town, string ProvinceCode, string RegencyCode, double Latitude, double Longitude, int Count,
        string[] Names, string[][] CapabilitySets, CertificationScheme[] Schemes, string Cooperative);

    private static readonly Cluster[] Clusters =
    [
        new("Ceper, Klaten", "33", "3310", -7.6650, 110.6780, 16,
            ["Logam Jaya", "Batur Cast", "Sinar Cor", "Mandiri Foundry", "Karya Logam", "Tunas Besi", "Maju Cor", "Bintang Logam"],
            [["metal.casting.iron"], ["metal.casting.iron", "metal.machining.conventional"], ["metal.casting.iron", "metal.machining.cnc"], ["metal.casting.nonferrous"]],
            [CertificationScheme.Sni, CertificationScheme.Iso9001], "Koperasi Batur Jaya"),
        new("Tegal", "33", "3328", -6.9800, 109.1400, 14,
            ["Tegal Teknik", "Presisi Logam", "Bahari Mesin", "Adi Karya", "Slawi Metal", "Bumijawa Parts", "Sinar Baja"],
            [["metal.machining.cnc", "machinery.spare-parts"], ["metal.fabrication.welding", "metal.fabrication.structural"], ["metal.machining.conventional", "machinery.repair"], ["electrical.line-hardware", "metal.fabrication"]],
            [CertificationScheme.Iso9001, CertificationScheme.Sni, CertificationScheme.Spln], "Koperasi Logam Tegal"),
        new("Purbalingga", "33", "3303", -7.3880, 109.3640, 8,
            ["Knalpot Jaya", "Purba Metal", "Mekar Exhaust", "Sumber Rejeki"],
            [["automotive.exhaust", "metal.fabrication.welding"], ["automotive.parts", "metal.forming.stamping"]],
            [CertificationScheme.Sni], "Koperasi Knalpot Purbalingga"),
        new("Juwana, Pati", "33", "3318", -6.7150, 111.1500, 8,
            ["Kuningan Juwana", "Cahaya Brass", "Samudra Kuningan", "Pati Cor"],
            [["metal.casting.nonferrous"], ["metal.casting.nonferrous", "electrical.cable-accessories"], ["electrical.grounding", "metal.casting.nonferrous"]],
            [CertificationScheme.Sni, CertificationScheme.Spln], "Koperasi Kuningan Juwana"),
        new("Waru, Sidoarjo", "35", "3515", -7.3560, 112.7300, 10,
            ["Waru Teknik", "Sido Metal", "Delta Presisi", "Surya Fastener", "Brantas Galvanis"],
            [["metal.fasteners", "metal.surface.galvanizing"], ["metal.forming.stamping", "metal.fasteners"], ["metal.surface.galvanizing"], ["metal.machining.cnc", "metal.forming.forging"]],
            [CertificationScheme.Sni, CertificationScheme.Iso9001], "Koperasi Industri Logam Waru"),
        new("Bandung", "32", "3273", -6.9147, 107.6098, 10,
            ["Parahyangan Presisi", "Cibaduyut Elektrik", "Priangan Panel", "Sunda Mesin", "Citarum Teknik"],
            [["metal.machining.cnc"], ["electrical.enclosures", "metal.fabrication.sheet"], ["electrical.switchgear", "electrical.enclosures"], ["electrical.lighting"], ["metal.machining.cnc", "machinery.gears-bearings"]],
            [CertificationScheme.Iso9001, CertificationScheme.Spln, CertificationScheme.Sni], "Koperasi Industri Bandung"),
    ];

    private static readonly LegalForm[] LegalForms = [LegalForm.Cv, LegalForm.Ud, LegalForm.Perorangan, LegalForm.Pt, LegalForm.Cv, LegalForm.Ud];

    // Revenue bands, weighted to the real population: mostly micro and small, a few medium.
    private static readonly long[] Revenues =
        [450_000_000, 900_000_000, 1_600_000_000, 1_900_000_000, 3_500_000_000, 6_000_000_000, 9_000_000_000, 12_000_000_000, 22_000_000_000, 40_000_000_000];

    public static IEnumerable<(Guid Id, SupplierProfile Profile)> Suppliers(DateOnly today)
    {
        var random = new Random(2026);
        var number = 0;
        foreach (var cluster in Clusters)
        {
            for (var i = 0; i < cluster.Count; i++)
            {
                number++;
                var legalForm = LegalForms[random.Next(LegalForms.Length)];
                var prefix = legalForm switch { LegalForm.Pt => "PT", LegalForm.Cv => "CV", LegalForm.Ud => "UD", _ => "Bengkel" };
                var baseName = cluster.Names[i % cluster.Names.Length];
                var name = i < cluster.Names.Length ? $"{prefix} {baseName}" : $"{prefix} {baseName} {(i / cluster.Names.Length) + 1}";
                var revenue = Revenues[random.Next(Revenues.Length)];
                var capabilities = cluster.CapabilitySets[random.Next(cluster.CapabilitySets.Length)];
                var employees = (int)Math.Clamp(revenue / 150_000_000, 3, 250);
                var certifications = new List<Certification>();
                foreach (var scheme in cluster.Schemes)
                {
                    if (random.NextDouble() < 0.55)
                    {
                        // About one certificate in five has lapsed: a common reason a UMKM misses a tender.
                        var expired = random.NextDouble() < 0.2;
                        var validUntil = expired ? today.AddDays(-random.Next(30, 400)) : today.AddDays(random.Next(120, 1400));
                        certifications.Add(new Certification(scheme, $"{scheme.ToString().ToUpperInvariant()}-{number:D4}", IssuerOf(scheme), validUntil.AddYears(-3), validUntil));
                    }
                }

                var profile = new SupplierProfile(
                    name,
                    $"91200{number:D8}",
                    legalForm,
                    revenue / 4,
                    revenue,
                    cluster.ProvinceCode,
                    cluster.RegencyCode,
                    new GeoPoint(
                        Math.Round(cluster.Latitude + ((random.NextDouble() - 0.5) * 0.08), 5),
                        Math.Round(cluster.Longitude + ((random.NextDouble() - 0.5) * 0.08), 5)),
                    capabilities.Select(KbliOf).Distinct().ToList(),
                    "2020",
                    capabilities.Select(code => new SupplierCapability(code, CapacityOf(code, employees, random), UnitOf(code), $"{code} in {cluster.Town}")).ToList(),
                    certifications,
                    Math.Round((decimal)(20 + (random.NextDouble() * 60)), 1),
                    employees,
                    random.NextDouble() < 0.15,
                    random.NextDouble() < 0.6 ? cluster.Cooperative : null,
                    $"{string.Join(", ", capabilities)} workshop in {cluster.Town}",
                    new ContactDetails($"Pemilik {baseName}", $"kontak{number:D3}@example.co.id", $"+62812{number:D7}"));
                yield return (Id(1000 + number), profile);
            }
        }
    }

    private static Guid Id(int n) => Guid.Parse($"0192f000-0000-7000-8000-{n:D12}");

    private static string IssuerOf(CertificationScheme scheme) => scheme switch
    {
        CertificationScheme.Sni => "LSPro B4T Bandung",
        CertificationScheme.Spln => "PLN Pusertif",
        CertificationScheme.Iso9001 => "Sucofindo ICS",
        _ => "LSPro",
    };

    private static string KbliOf(string capability) => capability switch
    {
        "metal.casting.iron" => "24310",
        "metal.casting.nonferrous" => "24320",
        "metal.fabrication.structural" => "25111",
        "metal.fabrication" => "25119",
        "metal.forming.stamping" or "metal.forming.forging" => "25910",
        "metal.fasteners" => "25950",
        "electrical.enclosures" or "electrical.switchgear" => "27120",
        "electrical.cable-accessories" => "27330",
        "electrical.lighting" => "27400",
        "electrical.grounding" => "27900",
        "electrical.line-hardware" or "metal.fabrication.sheet" => "25999",
        "machinery.spare-parts" => "28113",
        "machinery.gears-bearings" => "28140",
        "machinery.repair" => "33121",
        "automotive.parts" or "automotive.exhaust" => "29300",
        _ => "25920",
    };

    private static string UnitOf(string capability) =>
        capability.StartsWith("metal.surface", StringComparison.Ordinal) || capability.StartsWith("metal.casting", StringComparison.Ordinal) ? "kg" : "pcs";

    private static decimal CapacityOf(string capability, int employees, Random random) =>
        Math.Round((decimal)(employees * (UnitOf(capability) == "kg" ? 250 : 60) * (0.6 + random.NextDouble())), 0);
}
