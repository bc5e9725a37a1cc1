using System.Net;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Buyers;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Facilities;
using Matchmaking.Domain.Common;

namespace Matchmaking.Api.Tests.Registry;

public sealed class BuyerAndFacilityTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Buyer_CreateReadReplaceDelete()
    {
        var created = await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer())).ReadAsync<BuyerDto>(HttpStatusCode.Created);
        Assert.Equal(BuyerType.Bumn, created.Type);

        var replaced = await Client.PutJsonAsync($"/api/v1/buyers/{created.Id}", TestData.Buyer(name: "PT PLN (Persero) UID Jateng", provinceCode: "33"), "\"0\"");
        var updated = await replaced.ReadAsync<BuyerDto>();
        Assert.Equal("33", updated.ProvinceCode);
        Assert.Equal("\"1\"", replaced.Headers.ETag!.Tag);

        var stale = await Client.PutJsonAsync($"/api/v1/buyers/{created.Id}", TestData.Buyer(), "\"0\"");
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/buyers/{created.Id}")).StatusCode);
        await (await Client.GetAsync($"/api/v1/buyers/{created.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Buyer_List_FiltersByTypeAndProvince()
    {
        await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer())).ShouldBeAsync(HttpStatusCode.Created);
        await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer(name: "PT Astra Otoparts", type: BuyerType.LargePrivate))).ShouldBeAsync(HttpStatusCode.Created);
        await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer(name: "PT Jateng Agro", type: BuyerType.Bumd, provinceCode: "33"))).ShouldBeAsync(HttpStatusCode.Created);

        var privateBuyers = await (await Client.GetAsync("/api/v1/buyers?type=large_private")).ReadAsync<PagedList<BuyerDto>>();
        var jateng = await (await Client.GetAsync("/api/v1/buyers?provinceCode=33")).ReadAsync<PagedList<BuyerDto>>();

        Assert.Equal(["PT Astra Otoparts"], privateBuyers.Items.Select(b => b.Name));
        Assert.Equal(["PT Jateng Agro"], jateng.Items.Select(b => b.Name));
        await (await Client.GetAsync("/api/v1/buyers?type=bank")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "type");
    }

    [Theory]
    [InlineData("{\"name\":\"PT X\",\"type\":\"bumn\",\"provinceCode\":\"00\"}", "provinceCode")]
    [InlineData("{\"name\":\"PT X\",\"type\":\"ngo\",\"provinceCode\":\"31\"}", "type")]
    [InlineData("{\"type\":\"bumn\",\"provinceCode\":\"31\"}", "name")]
    [InlineData("{\"name\":\"PT X\",\"provinceCode\":\"31\"}", "type")]
    public async Task Buyer_CreateWithInvalidBody_Returns400NamingField(string body, string field)
    {
        var response = await Client.PostRawAsync("/api/v1/buyers", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(0, (await (await Client.GetAsync("/api/v1/buyers")).ReadAsync<PagedList<BuyerDto>>()).TotalCount);
    }

    [Fact]
    public async Task Buyer_ListAsCsv()
    {
        await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer(type: BuyerType.LargePrivate))).ShouldBeAsync(HttpStatusCode.Created);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/buyers");
        request.Headers.Accept.ParseAdd("text/csv");

        var text = await (await Client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.StartsWith("id,name,type,sector,provinceCode\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",PT PLN (Persero),large_private,electricity,31\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facility_CreateReadReplaceDelete()
    {
        var created = await (await Client.PostJsonAsync("/api/v1/facilities", TestData.Facility())).ReadAsync<FacilityDto>(HttpStatusCode.Created);
        Assert.Equal([CertificationScheme.Sni], created.CertificationSchemes);

        var read = await Client.GetAsync($"/api/v1/facilities/{created.Id}");
        Assert.Equal("\"0\"", read.Headers.ETag!.Tag);

        var replaced = await (await Client.PutJsonAsync($"/api/v1/facilities/{created.Id}",
            TestData.Facility(capabilityCodes: ["metal.surface.galvanizing", "metal.machining.cnc"]), "\"0\"")).ReadAsync<FacilityDto>();
        Assert.Equal(["metal.surface.galvanizing", "metal.machining.cnc"], replaced.CapabilityCodes);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/facilities/{created.Id}")).StatusCode);
        await (await Client.GetAsync($"/api/v1/facilities/{created.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Facility_List_FiltersByCapabilityWithDescendantsAndScheme()
    {
        await (await Client.PostJsonAsync("/api/v1/facilities", TestData.Facility(name: "Galvanis", capabilityCodes: ["metal.surface.galvanizing"], schemes: [CertificationScheme.Sni]))).ShouldBeAsync(HttpStatusCode.Created);
        await (await Client.PostJsonAsync("/api/v1/facilities", TestData.Facility(name: "CNC", capabilityCodes: ["metal.machining.cnc"], schemes: [CertificationScheme.Iso9001]))).ShouldBeAsync(HttpStatusCode.Created);

        var surface = await (await Client.GetAsync("/api/v1/facilities?capability=metal.surface")).ReadAsync<PagedList<FacilityDto>>();
        var iso = await (await Client.GetAsync("/api/v1/facilities?certification=iso9001")).ReadAsync<PagedList<FacilityDto>>();

        Assert.Equal(["Galvanis"], surface.Items.Select(f => f.Name));
        Assert.Equal(["CNC"], iso.Items.Select(f => f.Name));
    }

    [Theory]
    [InlineData("capabilityCodes", "[\"metal.nope\"]", "capabilityCodes[0]")]
    [InlineData("location", "{\"latitude\":51.5,\"longitude\":-0.1}", "location.latitude")]
    [InlineData("monthlyCapacity", "-1", "monthlyCapacity")]
    [InlineData("certificationSchemes", "[\"bogus\"]", "certificationSchemes[0]")]
    public async Task Facility_CreateWithInvalidField_Returns400NamingField(string property, string value, string field)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(TestData.Facility(), HttpExtensions.Json)!.AsObject();
        body[property] = System.Text.Json.Nodes.JsonNode.Parse(value);

        var response = await Client.PostRawAsync("/api/v1/facilities", body.ToJsonString());

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }
}
