namespace Faceoff.Campaign.Tests.EndToEnd;

/// <summary>The end-to-end runs share two cores: one at a time, or each would measure the other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndGroup
{
    public const string Name = "end-to-end";
}
