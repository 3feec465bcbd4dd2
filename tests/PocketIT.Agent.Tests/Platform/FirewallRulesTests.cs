using PocketIT.Agent.Platform.Linux.Parsing;

namespace PocketIT.Agent.Tests.Platform;

public class FirewallRulesTests
{
    [Fact]
    public void Nft_input_chain_with_drop_policy_or_rule_guards()
    {
        Assert.True(FirewallRules.NftGuardsInput("table inet filter {\n\tchain input {\n\t\ttype filter hook input priority filter; policy drop;\n\t\tct state established accept\n\t}\n}\n"));
        Assert.True(FirewallRules.NftGuardsInput("table inet filter {\n\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n\t\ttcp dport 23 drop\n\t}\n}\n"));
        Assert.True(FirewallRules.NftGuardsInput("table inet f {\n chain input {\n  type filter hook input priority 0; policy accept;\n  ip saddr 10.0.0.0/8 reject with icmp type admin-prohibited\n }\n}\n"));
    }

    [Fact]
    public void Nft_rules_that_only_nat_or_accept_do_not_guard()
    {
        Assert.False(FirewallRules.NftGuardsInput(""));
        Assert.False(FirewallRules.NftGuardsInput("table ip nat {\n\tchain POSTROUTING {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n\t\tmasquerade\n\t}\n}\n"));
        Assert.False(FirewallRules.NftGuardsInput("table inet filter {\n\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n\t}\n\tchain forward {\n\t\ttype filter hook forward priority 0; policy drop;\n\t}\n}\n"));
    }

    [Fact]
    public void Iptables_input_policy_or_rules_guard()
    {
        Assert.True(FirewallRules.IptablesGuardsInput("-P INPUT DROP\n"));
        Assert.True(FirewallRules.IptablesGuardsInput("-P INPUT ACCEPT\n-A INPUT -p tcp --dport 22 -j ACCEPT\n-A INPUT -j REJECT --reject-with icmp-host-prohibited\n"));
        Assert.False(FirewallRules.IptablesGuardsInput("-P INPUT ACCEPT\n"));
        Assert.False(FirewallRules.IptablesGuardsInput("-P INPUT ACCEPT\n-A INPUT -i lo -j ACCEPT\n"));
    }
}
