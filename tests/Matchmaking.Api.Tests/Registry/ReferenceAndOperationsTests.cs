using System.Net;
using System.Text.Json.Nodes;
using Matchmaking.Api.Tests.Infrastructure;

namespace Matchmaking.Api.Tests.Registry;

public sealed class ReferenceAndOperationsTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Provinces_AreThe38BpsProvinces()
    {
        var provinces = JsonNode.Parse(await Client.GetStringAsync("/api/v1/reference/provinces"))!.AsArray();

        Assert.Equal(38, provinces.Count);
        var jateng = provinces.Single(p => p!["code"]!.GetValue<string>() == "33")!;
        Assert.Equal("Jawa Tengah", jateng["name"]!.GetValue<string>());
        Assert.InRange(jateng["latitude"]!.GetValue<double>(), -7.1, -6.9);
    }

    [Fact]
    public async Task Capabilities_AreTheTaxonomyWithParents()
    {
        var capabilities = JsonNode.Parse(await Client.GetStringAsync("/api/v1/reference/capabilities"))!.AsArray();

        Assert.Equal(39, capabilities.Count);
        var iron = capabilities.Single(c => c!["code"]!.GetValue<string>() == "metal.casting.iron")!;
        Assert.Equal("metal.casting", iron["parentCode"]!.GetValue<string>());
        Assert.Equal("24310", iron["kbliCodes"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task CertificationSchemes_AreTheEightSchemes()
    {
        var schemes = JsonNode.Parse(await Client.GetStringAsync("/api/v1/reference/certification-schemes"))!.AsArray();

        Assert.Equal(["sni", "iso9001", "iso14001", "iso45001", "halal", "tkdn", "spln", "other"], schemes.Select(s => s!["code"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_IsHealthy(string url)
    {
        var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownRoute_Returns404()
    {
        var response = await Client.GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
