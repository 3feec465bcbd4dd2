namespace PocketIT.Server.PocketIt.Enrollment;

public static class EnrollmentEndpoints
{
    public static void MapEnrollment(this IEndpointRouteBuilder app)
    {
    }
}
