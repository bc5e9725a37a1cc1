namespace Matchmaking.Domain.Reference;

/// <summary>The fixed reference data every rule checks against: the 38 provinces and the capability taxonomy.</summary>
public sealed class ReferenceCatalog
{
    private readonly Dictionary<string, Province> _provinces;
    private readonly Dictionary<string, Capability> _capabilities;

    public ReferenceCatalog(IEnumerable<Province> provinces, IEnumerable<Capability> capabilities)
    {
        _provinces = provinces.ToDictionary(p => p.Code, StringComparer.Ordinal);
        _capabilities = capabilities.ToDictionary(c => c.Code, StringComparer.Ordinal);
        foreach (var capability in _capabilities.Values)
        {
            if (capability.ParentCode is { } parent && !_capabilities.ContainsKey(parent))
            {
                throw new InvalidOperationException($"Capability {capability.Code} names unknown parent {parent}.");
            }
        }
    }

    public IReadOnlyCollection<Province> Provinces => _provinces.Values;
    public IReadOnlyCollection<Capability> Capabilities => _capabilities.Values;

    public bool IsProvince(string? code) => code is not null && _provinces.ContainsKey(code);

    public Province? FindProvince(string code) => _provinces.GetValueOrDefault(code);

    public bool IsCapability(string? code) => code is not null && _capabilities.ContainsKey(code);
}
