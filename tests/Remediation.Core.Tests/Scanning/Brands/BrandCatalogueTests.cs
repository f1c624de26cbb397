using Remediation.Core.Tests.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Brands;

public class BrandCatalogueTests
{
    [Fact]
    public void Catalogue_HoldsTheBrandsMostOftenImpersonated()
    {
        var catalogue = BrandImpersonationRuleTests.Catalogue();

        Assert.True(catalogue.Brands.Count >= 150);
        Assert.All(catalogue.Brands, b => Assert.NotEmpty(b.Domains));
    }

    [Fact]
    public void Catalogue_TenantBrandsExtendKnownOnesAndAddNew()
    {
        var catalogue = BrandImpersonationRuleTests.Catalogue(new()
        {
            ["microsoft"] = ["contoso-it.example"],
            ["Fabrikam Pay"] = ["fabrikam.example"],
        });

        Assert.True(catalogue.Brands.Single(b => b.Name == "Microsoft").SendsFrom("mail.contoso-it.example"));
        Assert.True(catalogue.Brands.Single(b => b.Name == "Fabrikam Pay").SendsFrom("fabrikam.example"));
        Assert.Contains(catalogue.Matcher.Find("Your FABRIKAM-PAY account"), m => m.Brand.Name == "Fabrikam Pay");
    }

    [Theory]
    [InlineData("Banco do Brasil", "Banco do Brasil")]
    [InlineData("BANCODOBRASIL avisa", "Banco do Brasil")]
    [InlineData("Agencia Tributária", "Agencia Tributaria")]
    [InlineData("Mercado-Livre", "Mercado Livre")]
    [InlineData("Ihr DHL-Paket", "DHL")]
    [InlineData("三井住友カードからのお知らせ", "SMBC")]
    [InlineData("Ihre Lieferando-Bestellung", "Just Eat")]
    [InlineData("Conta Sberbank: Сбербанк Онлайн", "Sberbank")]
    [InlineData("微信支付通知", "WeChat")]
    [InlineData("Your Xbox Game Pass", "Microsoft")]
    public void Matcher_FindsNamesWhateverTheirSpelling(string text, string brand)
    {
        Assert.Contains(BrandImpersonationRuleTests.Catalogue().Matcher.Find(text), m => m.Brand.Name == brand);
    }
}
