app_name = "outbound"

urlpatterns: list = []
