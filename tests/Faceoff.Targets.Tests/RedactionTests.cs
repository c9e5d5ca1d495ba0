namespace Faceoff.Targets.Tests;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("API_TOKEN", true)]
    [InlineData("db_password", true)]
    [InlineData("ClientSecret", true)]
    [InlineData("SSH_KEY_PATH", true)]
    [InlineData("FACEOFF_APP_MODE", false)]
    [InlineData("PATH", false)]
    public void Names_containing_secret_token_password_or_key_are_sensitive(string name, bool sensitive) =>
        Assert.Equal(sensitive, Redaction.IsSensitiveName(name));

    [Fact]
    public void Environments_are_masked_and_sorted()
    {
        var env = Redaction.Environment(new Dictionary<string, string> { ["Z_MODE"] = "x", ["MY_SECRET"] = "s3cret" });

        Assert.Equal(["MY_SECRET", "Z_MODE"], env.Keys);
        Assert.Equal([Redaction.Mask, "x"], env.Values);
    }

    [Fact]
    public void Command_lines_mask_env_and_secret_arguments_and_quote_for_a_shell()
    {
        var line = Redaction.CommandLine(
            "/usr/bin/app",
            ["--api-key", "abc", "--password=hunter2", "DB_TOKEN=xyz", "it's", "--port", "80"],
            new Dictionary<string, string> { ["MODE"] = "a b", ["GITHUB_TOKEN"] = "ghp_1" },
            "/srv/my app");

        Assert.Equal(
            "cd '/srv/my app' && GITHUB_TOKEN=*** MODE='a b' /usr/bin/app --api-key *** --password=*** DB_TOKEN=*** 'it'\\''s' --port 80",
            line);
    }

    [Fact]
    public void Passwords_inside_database_urls_are_masked_in_env_values_and_arguments()
    {
        var env = Redaction.Environment(new Dictionary<string, string>
        {
            ["FACEOFF_APP_DATABASE_URL"] = "postgresql://faceoff:pa55w0rd@127.0.0.1:5433/faceoff",
            ["OTHER_URL"] = "postgresql://faceoff@127.0.0.1/faceoff",
        });
        var args = Redaction.Arguments(["--db", "postgres://u:p%40ss@[::1]:5432/db"]);

        Assert.Equal(["postgresql://faceoff:***@127.0.0.1:5433/faceoff", "postgresql://faceoff@127.0.0.1/faceoff"], env.Values);
        Assert.Equal(["--db", "postgres://u:***@[::1]:5432/db"], args.ToArray());
    }
}
