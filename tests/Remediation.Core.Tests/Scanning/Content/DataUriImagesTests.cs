using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Tests.Scanning.Content;

public sealed class DataUriImagesTests
{
    [Theory]
    [InlineData(20, 1)]
    [InlineData(21, 0)]
    public void In_MediaSubtypeOfThisLength_IsReadOnlyWithinTwentyCharacters(int length, int expected)
    {
        var html = $"<img src=\"data:image/{new string('x', length)};base64,iVBORw0KGgo=\">";

        var pictures = DataUriImages.In([html]).ToList();

        Assert.Equal(expected, pictures.Count);
        Assert.All(pictures, p => Assert.Equal("image/" + new string('x', length), p.ContentType));
    }
}
