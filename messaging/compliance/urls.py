app_name = "compliance"

urlpatterns: list = []
