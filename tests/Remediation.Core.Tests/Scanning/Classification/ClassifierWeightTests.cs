using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

public class ClassifierWeightTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(5, 10)]
    [InlineData(3, 7.5)]
    [InlineData(0, 3.8)]
    [InlineData(6, 11.2)]
    public void Of_Logit_IsLinearThroughFiveAndTenPoints(double logit, double points) =>
        Assert.Equal(points, ClassifierWeight.Of(logit, 1, 5));

    [Theory]
    [InlineData(1.416, 5.5)]
    [InlineData(4.77, 9.7)]
    public void Of_Points_AreRoundedToATenth(double logit, double points) => Assert.Equal(points, ClassifierWeight.Of(logit, 1, 5));

    [Theory]
    [InlineData(-3, 0)]
    [InlineData(-10, 0)]
    [InlineData(6.6, 12)]
    [InlineData(50, 12)]
    public void Of_LogitFarOutside_IsCappedBetweenNothingAndTwelvePoints(double logit, double points) =>
        Assert.Equal(points, ClassifierWeight.Of(logit, 1, 5));
}
