"""Reproduces CTFd/CTFd CTFd/api/v1/files.py: a Flask-RESTX Namespace with @route classes."""

from flask_restx import Namespace, Resource

from CTFd.utils.decorators import admins_only, check_challenge_visibility

files_namespace = Namespace("files", description="Endpoint to retrieve Files")


@files_namespace.route("")
class FilesList(Resource):
    @check_challenge_visibility
    @files_namespace.doc(description="Endpoint to get FilesList")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    @files_namespace.doc(description="Endpoint to post FilesList")
    def post(self, *args, **kwargs):
        return {"success": True}


@files_namespace.route("/<file_id>")
@files_namespace.param("file_id", "A file_id")
class FilesDetail(Resource):
    @check_challenge_visibility
    @files_namespace.doc(description="Endpoint to get FilesDetail")
    def get(self, *args, **kwargs):
        return {"success": True}

    @admins_only
    def delete(self, *args, **kwargs):
        return {"success": True}
