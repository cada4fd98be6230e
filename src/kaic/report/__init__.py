"""`kaic report`: sections turn one repository state into data; renderers turn it into files.

    state + findings --build_report()--> Report (JSON data + built sections)
                     --render.RENDERERS[fmt].render()--> Markdown / JSON / CSV / ...

Sections are listed in `report/sections/__init__.py`; renderers in `report/render/__init__.py`.
"""
