app_name = "solicitation"

urlpatterns: list = []
