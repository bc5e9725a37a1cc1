using System.Globalization;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Application.Needs;
using Matchmaking.Application.Suppliers;
using Matchmaking.Domain.Common;

namespace Matchmaking.Benchmarks;

/// <summary>
/// A deterministic (seeded) synthetic UMKM population: suppliers clustered around real industrial towns,
/// capabilities by cluster, most micro and few medium, a share of lapsed certificates, TKDN spread;
/// and procurement needs of varied breadth. The same seed always yields the same rows.
/// </summary>
public sealed class SyntheticPopulation(int seed)
{
    private sealed record Cluster(string Town, string Province, string Regency, double Lat, double Lon, double Weight, string[] Capabilities);

    // Weights roughly follow where metal and electrical UMKM are: Java first, then Sumatra, Sulawesi, Kalimantan.
    private static readonly Cluster[] Clusters =
    [
        new("Ceper, Klaten", "33", "3310", -7.665, 110.678, 10, ["metal.casting.iron", "metal.machining.conventional", "metal.machining.cnc", "metal.casting.nonferrous"]),
        new("Tegal", "33", "3328", -6.980, 109.140, 9, ["metal.machining.cnc", "machinery.spare-parts", "metal.fabrication.welding", "electrical.line-hardware"]),
        new("Purbalingga", "33", "3303", -7.388, 109.364, 4, ["automotive.exhaust", "automotive.parts", "metal.forming.stamping"]),
        new("Juwana, Pati", "33", "3318", -6.715, 111.150, 4, ["metal.casting.nonferrous", "electrical.cable-accessories", "electrical.grounding"]),
        new("Jepara", "33", "3320", -6.588, 110.668, 3, ["metal.fabrication.sheet", "metal.surface.painting", "metal.tools"]),
        new("Semarang", "33", "3374", -6.993, 110.420, 5, ["metal.fabrication.structural", "electrical.enclosures", "services.packing"]),
        new("Surakarta", "33", "3372", -7.575, 110.824, 3, ["metal.machining.conventional", "machinery.repair"]),
        new("Waru, Sidoarjo", "35", "3515", -7.356, 112.730, 9, ["metal.fasteners", "metal.surface.galvanizing", "metal.forming.stamping", "metal.forming.forging"]),
        new("Surabaya", "35", "3578", -7.258, 112.752, 6, ["metal.fabrication.structural", "electrical.switchgear", "machinery.repair"]),
        new("Pasuruan", "35", "3514", -7.646, 112.907, 3, ["metal.casting.iron", "machinery.gears-bearings"]),
        new("Bandung", "32", "3273", -6.915, 107.610, 8, ["metal.machining.cnc", "electrical.enclosures", "electrical.switchgear", "electrical.lighting"]),
        new("Bekasi", "32", "3275", -6.238, 106.976, 7, ["automotive.parts", "metal.forming.stamping", "rubber-plastics.molded"]),
        new("Bogor", "32", "3271", -6.595, 106.816, 3, ["metal.fabrication.welding", "metal.tools"]),
        new("Tangerang", "36", "3671", -6.178, 106.631, 5, ["rubber-plastics.molded", "metal.fasteners", "electrical.cable-accessories"]),
        new("Jakarta Utara", "31", "3172", -6.138, 106.863, 4, ["machinery.repair", "metal.fabrication.structural", "services.maintenance"]),
        new("Yogyakarta", "34", "3471", -7.797, 110.370, 3, ["metal.casting.nonferrous", "metal.tools"]),
        new("Medan", "12", "1275", 3.595, 98.672, 4, ["machinery.spare-parts", "metal.fabrication.welding", "machinery.repair"]),
        new("Batam", "21", "2171", 1.045, 104.030, 3, ["metal.machining.cnc", "electrical.switchgear"]),
        new("Palembang", "16", "1671", -2.976, 104.775, 2, ["metal.fabrication.structural", "services.maintenance"]),
        new("Makassar", "73", "7371", -5.147, 119.432, 3, ["metal.fabrication.welding", "machinery.repair", "electrical.line-hardware"]),
        new("Balikpapan", "64", "6471", -1.238, 116.852, 2, ["machinery.spare-parts", "services.maintenance"]),
        new("Denpasar", "51", "5171", -8.670, 115.212, 1, ["metal.tools", "electrical.lighting"]),
        new("Manado", "71", "7171", 1.474, 124.842, 1, ["metal.fabrication.welding"]),
        new("Banjarmasin", "63", "6371", -3.316, 114.590, 1, ["machinery.repair", "metal.fabrication.sheet"]),
    ];

    private static readonly string[] Words = ["Jaya", "Makmur", "Abadi", "Sejahtera", "Mandiri", "Logam", "Teknik", "Presisi", "Karya", "Sinar", "Bintang", "Utama", "Maju", "Sentosa"];
    private static readonly LegalForm[] Forms = [LegalForm.Perorangan, LegalForm.Ud, LegalForm.Cv, LegalForm.Cv, LegalForm.Ud, LegalForm.Pt, LegalForm.Koperasi];

    private readonly Random _random = new(seed);
    private readonly double _totalWeight = Clusters.Sum(c => c.Weight);

    public IEnumerable<SupplierInput> Suppliers(int count, DateOnly today)
    {
        for (var i = 1; i <= count; i++)
        {
            var cluster = PickCluster();
            var revenue = Revenue();
            var employees = (int)Math.Clamp(revenue / 120_000_000, 1, 300);
            var capabilities = cluster.Capabilities.OrderBy(_ => _random.Next()).Take(1 + _random.Next(Math.Min(3, cluster.Capabilities.Length))).ToList();
            yield return new SupplierInput
            {
                Name = $"{Prefix()} {Words[_random.Next(Words.Length)]} {Words[_random.Next(Words.Length)]} {i}",
                Nib = $"8{i:D12}",
                LegalForm = Forms[_random.Next(Forms.Length)],
                BusinessCapitalIdr = revenue / 3,
                AnnualRevenueIdr = revenue,
                ProvinceCode = cluster.Province,
                RegencyCode = cluster.Regency,
                Location = new LocationInput
                {
                    Latitude = Math.Round(cluster.Lat + Gaussian(0.15), 5),
                    Longitude = Math.Round(cluster.Lon + Gaussian(0.15), 5),
                },
                KbliCodes = ["25920"],
                Capabilities = capabilities.Select(code => new SupplierCapabilityInput
                {
                    Code = code,
                    MonthlyCapacity = Math.Round((decimal)(employees * (20 + (_random.NextDouble() * 200))), 0),
                    Unit = "pcs",
                }).ToList(),
                Certifications = Certificates(today),
                TkdnPercent = _random.NextDouble() < 0.1 ? null : Math.Round((decimal)(10 + (_random.NextDouble() * 75)), 1),
                Employees = employees,
                ExportExperience = _random.NextDouble() < 0.12,
                Description = $"{string.Join(", ", capabilities)} di {cluster.Town}",
                Contact = new ContactInput { Name = $"Pemilik {i}", Email = $"umkm{i}@example.co.id", Phone = $"+628{i:D10}" },
            };
        }
    }

    /// <summary>Needs from one code to three, wide and narrow, with and without distance limits and certificates.</summary>
    public IEnumerable<NeedInput> Needs(int count, Guid buyerId, DateOnly today)
    {
        for (var i = 0; i < count; i++)
        {
            var cluster = PickCluster();
            var code = cluster.Capabilities[_random.Next(cluster.Capabilities.Length)];
            var breadth = i % 4;
            var codes = breadth switch
            {
                0 => [code.Split('.')[0]],                                   // broad: a whole family
                1 => [string.Join('.', code.Split('.').Take(2))],            // a process
                2 => [code],                                                 // a precise code
                _ => cluster.Capabilities.Take(2).ToList(),                  // two processes together
            };
            yield return new NeedInput
            {
                BuyerId = buyerId,
                Title = $"Synthetic need {i + 1}: {string.Join(" + ", codes)} near {cluster.Town}",
                CapabilityCodes = codes,
                Quantity = 1000 * (1 + _random.Next(50)),
                Unit = "pcs",
                NeededBy = today.AddDays(60 + _random.Next(300)),
                DeliveryProvinceCode = cluster.Province,
                DeliveryLocation = new LocationInput { Latitude = cluster.Lat, Longitude = cluster.Lon },
                RequiredCertifications = i % 3 == 0 ? [new RequiredCertificationInput { Scheme = CertificationScheme.Sni }] : [],
                MinTkdnPercent = i % 2 == 0 ? 25 : null,
                MaxDistanceKm = i % 5 == 4 ? null : 100 + (50 * (i % 4)),
                UmkOnly = i % 2 == 1,
                AllowConsortium = true,
            };
        }
    }

    private Cluster PickCluster()
    {
        var pick = _random.NextDouble() * _totalWeight;
        foreach (var cluster in Clusters)
        {
            pick -= cluster.Weight;
            if (pick <= 0)
            {
                return cluster;
            }
        }

        return Clusters[^1];
    }

    /// <summary>Log-normal sales: about 85% micro (≤ Rp2 M), 12% small, 3% medium and above.</summary>
    private long Revenue() => (long)Math.Clamp(Math.Exp(20.2 + Gaussian(1.0)), 50_000_000, 60_000_000_000);

    private List<CertificationInput> Certificates(DateOnly today)
    {
        var list = new List<CertificationInput>();
        foreach (var (scheme, share) in new[] { (CertificationScheme.Sni, 0.3), (CertificationScheme.Iso9001, 0.2), (CertificationScheme.Spln, 0.08), (CertificationScheme.Tkdn, 0.1) })
        {
            if (_random.NextDouble() < share)
            {
                // One certificate in five has lapsed.
                var validUntil = _random.NextDouble() < 0.2 ? today.AddDays(-_random.Next(1, 700)) : today.AddDays(_random.Next(30, 1500));
                list.Add(new CertificationInput { Scheme = scheme, Number = $"{scheme}-{_random.Next(100000)}", ValidUntil = validUntil, IssuedOn = validUntil.AddYears(-3) });
            }
        }

        return list;
    }

    private string Prefix() => _random.Next(4) switch { 0 => "CV", 1 => "UD", 2 => "PT", _ => "Bengkel" };

    private double Gaussian(double sigma) =>
        sigma * Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
