using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PocketIT.Server.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TokenVersionAndTotpReplay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "token_version",
                table: "it_users",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "totp_last_step",
                table: "it_users",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "token_version",
                table: "it_users");

            migrationBuilder.DropColumn(
                name: "totp_last_step",
                table: "it_users");
        }
    }
}
